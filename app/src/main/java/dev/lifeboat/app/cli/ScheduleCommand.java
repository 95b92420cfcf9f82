package dev.lifeboat.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import java.util.List;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import net.sourceforge.argparse4j.inf.Subparsers;

/**
 * {@code lifeboat schedule create|list|pause|resume|delete|run-now}: scheduled tabletops and
 * drills, through a Lifeboat server's API ({@code /api/schedules}).
 */
public final class ScheduleCommand extends Command {
  private final PrintStream out;

  public ScheduleCommand(PrintStream out) {
    super(
        "schedule", "Schedule tabletops and drills: create, list, pause, resume, delete, run-now");
    this.out = out;
  }

  @Override
  public void configure(Subparser subparser) {
    Subparsers actions = subparser.addSubparsers().dest("action");
    Subparser create = actions.addParser("create").help("schedule a plan's runs");
    create.addArgument("plan").help("the plan to run");
    create.addArgument("--mode").required(true).help("tabletop or drill");
    create
        .addArgument("--cron")
        .required(true)
        .help("5 fields (minute hour day month weekday) or 6 (second first), e.g. '0 9 * * 1'");
    create.addArgument("--zone").setDefault("UTC").help("IANA time zone (default UTC)");
    create.addArgument("--overlap").setDefault("skip").help("skip, queue or cancel-previous");
    create.addArgument("--owner").help("who answers for it (default: the token's name)");
    create
        .addArgument("--param")
        .action(Arguments.append())
        .metavar("NAME=VALUE")
        .help("a launch value; repeat for more");
    ApiClient.addArguments(create);
    ApiClient.addArguments(actions.addParser("list").help("schedules and their next fires"));
    for (String action : List.of("pause", "resume", "delete", "run-now")) {
      Subparser one = actions.addParser(action).help(action + " a schedule");
      one.addArgument("id").help("the schedule's id");
      ApiClient.addArguments(one);
    }
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
    ApiClient api = ApiClient.from(namespace, bootstrap.getObjectMapper());
    String action = namespace.getString("action");
    switch (action) {
      case "create" -> print(api.post("/api/schedules", body(api, namespace)));
      case "list" -> api.get("/api/schedules").path("schedules").forEach(this::print);
      default ->
          print(
              api.post(
                  "/api/schedules/" + namespace.getString("id") + "/" + action,
                  api.json().createObjectNode()));
    }
  }

  private static ObjectNode body(ApiClient api, Namespace namespace) {
    ObjectNode body = api.json().createObjectNode();
    body.put("plan", namespace.getString("plan"));
    body.put("mode", namespace.getString("mode"));
    body.put("cron", namespace.getString("cron"));
    body.put("zone", namespace.getString("zone"));
    body.put("overlap", namespace.getString("overlap"));
    if (namespace.getString("owner") != null) {
      body.put("owner", namespace.getString("owner"));
    }
    ObjectNode params = body.putObject("params");
    List<String> given = namespace.getList("param");
    for (String param : given == null ? List.<String>of() : given) {
      int eq = param.indexOf('=');
      if (eq < 1) {
        throw new IllegalArgumentException("--param takes NAME=VALUE; got '" + param + "'");
      }
      params.put(param.substring(0, eq), param.substring(eq + 1));
    }
    return body;
  }

  /** One line per schedule, then its next fires. */
  private void print(JsonNode schedule) {
    out.printf(
        "%s  %s %s  '%s' %s  overlap %s%s%s%n",
        schedule.path("id").asText(),
        schedule.path("plan").asText(),
        schedule.path("mode").asText(),
        schedule.path("cron").asText(),
        schedule.path("zone").asText(),
        schedule.path("overlap").asText(),
        schedule.path("paused").asBoolean() ? "  paused" : "",
        schedule.path("deleted").asBoolean() ? "  deleted" : "");
    schedule.path("nextFires").forEach(at -> out.printf("  next %s%n", at.asText()));
  }

  @Override
  public void onError(Cli cli, Namespace namespace, Throwable e) {
    cli.getStdErr().println(e.getMessage());
  }
}
