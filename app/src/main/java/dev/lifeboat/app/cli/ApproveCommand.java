package dev.lifeboat.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code lifeboat approve RUN STEP [--comment TEXT] [--reject]}: approves (or rejects) an approval
 * step through a Lifeboat server's API, as the token's holder; prints the step's new state.
 */
public final class ApproveCommand extends Command {
  public ApproveCommand() {
    super("approve", "Approve (or --reject) a run's approval step on a running Lifeboat server");
  }

  @Override
  public void configure(Subparser subparser) {
    subparser.addArgument("run").help("the run's id");
    subparser.addArgument("step").help("the approval step's id");
    subparser.addArgument("--comment").help("why; required with --reject");
    subparser
        .addArgument("--reject")
        .action(Arguments.storeTrue())
        .help("reject the step instead: it fails, and the run as its on_failure says");
    ApiClient.addArguments(subparser);
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
    ApiClient api = ApiClient.from(namespace, bootstrap.getObjectMapper());
    ObjectNode body = api.json().createObjectNode();
    if (namespace.getString("comment") != null) {
      body.put("comment", namespace.getString("comment"));
    }
    String action = namespace.getBoolean("reject") ? "reject" : "approve";
    JsonNode step =
        api.post(
            "/api/runs/"
                + namespace.getString("run")
                + "/steps/"
                + namespace.getString("step")
                + "/"
                + action,
            body);
    System.out.println(StepLine.of(step));
  }

  @Override
  public void onError(Cli cli, Namespace namespace, Throwable e) {
    cli.getStdErr().println(e.getMessage());
  }
}
