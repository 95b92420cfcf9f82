package dev.lifeboat.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code lifeboat run <plan>}: launches a run through a Lifeboat server's API and follows it,
 * printing each step as it ends; exits 0 only when the run succeeded.
 */
public final class RunCommand extends Command {
  public RunCommand() {
    super("run", "Launch a plan on a running Lifeboat server and follow it to the end");
  }

  @Override
  public void configure(Subparser subparser) {
    subparser.addArgument("plan").help("the plan's name");
    subparser
        .addArgument("--mode")
        .setDefault("drill")
        .help(
            "drill (default), recovery, or tabletop (at a terminal you answer each step as it is"
                + " prompted; otherwise steps wait for acknowledgements through the API)");
    subparser
        .addArgument("--param")
        .action(Arguments.append())
        .metavar("NAME=VALUE")
        .help("a launch parameter; repeatable");
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
    ObjectNode body = api.json().createObjectNode().put("mode", namespace.getString("mode"));
    ObjectNode params = body.putObject("params");
    parseParams(namespace.getList("param")).forEach(params::put);

    JsonNode launched = api.post("/api/plans/" + namespace.getString("plan") + "/runs", body);
    String id = launched.path("id").asText();
    PrintStream out = System.out;
    out.printf(
        "run %s of %s launched (%s)%n",
        id, launched.path("plan").asText(), api.url("/api/runs/" + id));
    new RunFollower(out, participant(namespace, api, id))
        .follow(() -> api.get("/api/runs/" + id), Duration.ofSeconds(namespace.getInt("timeout")));
  }

  /**
   * At a terminal, the one following a tabletop run answers its steps as they are prompted;
   * otherwise (a script, a pipe) others answer them through the API.
   */
  private static RunFollower.Participant participant(
      Namespace namespace, ApiClient api, String runId) {
    if (!"tabletop".equals(namespace.getString("mode")) || System.console() == null) {
      return RunFollower.Participant.NONE;
    }
    return new ConsoleParticipant(
        new BufferedReader(System.console().reader()),
        System.out,
        (stepId, body) -> {
          try {
            api.post("/api/runs/" + runId + "/steps/" + stepId + "/acknowledge", body);
            return null;
          } catch (IOException refused) {
            return refused.getMessage();
          }
        });
  }

  @Override
  public void onError(Cli cli, Namespace namespace, Throwable e) {
    cli.getStdErr().println(e.getMessage());
  }

  static Map<String, String> parseParams(List<String> pairs) {
    Map<String, String> params = new HashMap<>();
    if (pairs == null) {
      return params;
    }
    for (String pair : pairs) {
      int equals = pair.indexOf('=');
      if (equals < 1) {
        throw new IllegalArgumentException("--param takes NAME=VALUE, got '" + pair + "'");
      }
      params.put(pair.substring(0, equals), pair.substring(equals + 1));
    }
    return params;
  }
}
