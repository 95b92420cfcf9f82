package dev.lifeboat.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import java.util.function.IntConsumer;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code lifeboat precheck <plan>}: asks a running Lifeboat server for a readiness precheck of the
 * plan, waits for it and prints one line per check ({@code ok}, {@code warn} or {@code fail} with
 * what was measured). Exits 0 when no check failed, {@link #FAILED} when one did, {@link
 * #UNFINISHED} when the checks did not end in time.
 */
public final class PrecheckCommand extends Command {
  static final int FAILED = 1;
  static final int UNFINISHED = 2;

  private final PrintStream out;
  private final IntConsumer exit;

  /**
   * @param exit ends the process with a code ({@code System::exit}); a test passes a recorder
   */
  public PrecheckCommand(PrintStream out, IntConsumer exit) {
    super("precheck", "Check, without side effects, that every step of a plan could run now");
    this.out = out;
    this.exit = exit;
  }

  @Override
  public void configure(Subparser subparser) {
    subparser.addArgument("plan").help("the plan's name");
    subparser
        .addArgument("--param")
        .action(Arguments.append())
        .metavar("NAME=VALUE")
        .help("a launch parameter, as the plan would be launched with; repeatable");
    ApiClient.addArguments(subparser);
    subparser
        .addArgument("--timeout")
        .type(Integer.class)
        .setDefault(300)
        .help("seconds to wait for the checks, at most 300 (default)");
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
    ApiClient api = ApiClient.from(namespace, bootstrap.getObjectMapper());
    ObjectNode body = api.json().createObjectNode();
    ObjectNode params = body.putObject("params");
    RunCommand.parseParams(namespace.getList("param")).forEach(params::put);
    int wait = Math.max(1, Math.min(300, namespace.getInt("timeout")));
    JsonNode answer =
        api.post("/api/plans/" + namespace.getString("plan") + "/precheck?wait=" + wait, body);
    String id = answer.path("runId").asText();
    out.printf(
        "precheck %s of %s (%s)%n",
        id, answer.path("plan").asText(), api.url(answer.path("run").asText()));
    if (answer.path("verdict").isMissingNode()) {
      out.printf("the checks did not end within %d s; follow the run above%n", wait);
      exit.accept(UNFINISHED);
      return;
    }
    answer.path("lines").forEach(line -> out.println(line.asText()));
    boolean failed = "fail".equals(answer.path("verdict").asText());
    out.printf("verdict: %s%n", answer.path("verdict").asText());
    exit.accept(failed ? FAILED : 0);
  }

  @Override
  public void onError(Cli cli, Namespace namespace, Throwable e) {
    cli.getStdErr().println(e.getMessage());
  }
}
