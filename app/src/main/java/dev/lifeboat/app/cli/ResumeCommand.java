package dev.lifeboat.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import java.time.Duration;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code lifeboat resume <run>}: resumes a failed, cancelled or interrupted run through a Lifeboat
 * server's API and follows the new run like {@code lifeboat run}; exits 0 only when it succeeded.
 */
public final class ResumeCommand extends Command {
  public ResumeCommand() {
    super(
        "resume",
        "Resume a failed, cancelled or interrupted run as a new run (its succeeded steps carry"
            + " over) and follow it to the end");
  }

  @Override
  public void configure(Subparser subparser) {
    subparser.addArgument("run").help("the id of the run to resume");
    subparser
        .addArgument("--plan")
        .choices("current")
        .help(
            "current: run the runbook as it is now; by default the plan the run started from,"
                + " refused when the runbook changed since");
    ApiClient.addArguments(subparser);
    subparser
        .addArgument("--timeout")
        .type(Integer.class)
        .setDefault(3600)
        .help("seconds to follow the run before giving up (the run goes on)");
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
    ApiClient api = ApiClient.from(namespace, bootstrap.getObjectMapper());
    ObjectNode body = api.json().createObjectNode();
    if (namespace.getString("plan") != null) {
      body.put("plan", namespace.getString("plan"));
    }
    String resumed = namespace.getString("run");
    JsonNode run = api.post("/api/runs/" + resumed + "/resume", body);
    String id = run.path("id").asText();
    PrintStream out = System.out;
    out.printf(
        "run %s of %s resumes run %s (%s)%n",
        id, run.path("plan").asText(), resumed, api.url("/api/runs/" + id));
    new RunFollower(out)
        .follow(() -> api.get("/api/runs/" + id), Duration.ofSeconds(namespace.getInt("timeout")));
  }

  @Override
  public void onError(Cli cli, Namespace namespace, Throwable e) {
    cli.getStdErr().println(e.getMessage());
  }
}
