package dev.lifeboat.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
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
            "drill (default), recovery, or tabletop (steps wait for acknowledgements through the API)");
    subparser
        .addArgument("--param")
        .action(Arguments.append())
        .metavar("NAME=VALUE")
        .help("a launch parameter; repeatable");
    CliApi.addArguments(subparser);
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
    ObjectMapper json = bootstrap.getObjectMapper();
    CliApi api = CliApi.from(json, namespace);
    ObjectNode body = json.createObjectNode().put("mode", namespace.getString("mode"));
    ObjectNode params = body.putObject("params");
    parseParams(namespace.getList("param")).forEach(params::put);

    JsonNode launched = api.post("/api/plans/" + namespace.getString("plan") + "/runs", body);
    String id = launched.path("id").asText();
    PrintStream out = System.out;
    out.printf("run %s of %s launched (%s)%n", id, launched.path("plan").asText(), api.runUrl(id));
    api.follow(id, namespace, out);
  }

  @Override
  public void onError(Cli cli, Namespace namespace, Throwable e) {
    cli.getStdErr().println(e.getMessage());
  }

  private static Map<String, String> parseParams(List<String> pairs) {
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
