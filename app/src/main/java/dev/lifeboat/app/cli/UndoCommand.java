package dev.lifeboat.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code lifeboat undo RUN STEP --reason TEXT}: asks a running recovery for one step's undo,
 * through a Lifeboat server's API (a commander's token); prints the undo, now running.
 */
public final class UndoCommand extends Command {
  public UndoCommand() {
    super("undo", "Ask a running recovery on a Lifeboat server to run one step's undo");
  }

  @Override
  public void configure(Subparser subparser) {
    subparser.addArgument("run").help("the recovery's id");
    subparser.addArgument("step").help("the step whose undo to run");
    subparser.addArgument("--reason").required(true).help("why; recorded with who asked");
    ApiClient.addArguments(subparser);
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
    ApiClient api = ApiClient.from(namespace, bootstrap.getObjectMapper());
    JsonNode undo =
        api.post(
            "/api/runs/"
                + namespace.getString("run")
                + "/steps/"
                + namespace.getString("step")
                + "/undo",
            api.json().createObjectNode().put("reason", namespace.getString("reason")));
    System.out.printf(
        "undo %s of step %s %s, asked for by %s%n",
        undo.path("undoId").asText(),
        undo.path("stepId").asText(),
        undo.path("status").asText(),
        undo.path("requestedBy").asText());
  }

  @Override
  public void onError(Cli cli, Namespace namespace, Throwable e) {
    cli.getStdErr().println(e.getMessage());
  }
}
