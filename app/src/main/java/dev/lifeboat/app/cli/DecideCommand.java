package dev.lifeboat.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code lifeboat decide RUN STEP retry|skip|abort --reason TEXT}: decides what happens to a step
 * paused after its failure, through a Lifeboat server's API; prints the step's new state.
 */
public final class DecideCommand extends Command {
  public DecideCommand() {
    super("decide", "Retry, skip or abort a paused step of a run on a running Lifeboat server");
  }

  @Override
  public void configure(Subparser subparser) {
    subparser.addArgument("run").help("the run's id");
    subparser.addArgument("step").help("the paused step's id");
    subparser
        .addArgument("decision")
        .choices("retry", "skip", "abort")
        .help("retry the step, skip it (a deviation; needs --reason) or abort the run");
    subparser.addArgument("--reason").help("why; required to skip");
    ApiClient.addArguments(subparser);
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
    ApiClient api = ApiClient.from(namespace, bootstrap.getObjectMapper());
    ObjectNode body =
        api.json().createObjectNode().put("decision", namespace.getString("decision"));
    if (namespace.getString("reason") != null) {
      body.put("reason", namespace.getString("reason"));
    }
    JsonNode step =
        api.post(
            "/api/runs/"
                + namespace.getString("run")
                + "/steps/"
                + namespace.getString("step")
                + "/decide",
            body);
    System.out.println(StepLine.of(step));
  }

  @Override
  public void onError(Cli cli, Namespace namespace, Throwable e) {
    cli.getStdErr().println(e.getMessage());
  }
}
