package dev.lifeboat.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code lifeboat findings list|show|create|update}: findings and corrective actions through a
 * Lifeboat server's API ({@code /api/findings}); a viewer's token lists and shows, an operator's
 * creates and updates. Prints one line per finding, and a finding's history for {@code show}.
 */
public final class FindingsCommand extends Command {
  private final PrintStream out;

  public FindingsCommand(PrintStream out) {
    super("findings", "List, show, create or update findings (corrective actions) on a server");
    this.out = out;
  }

  @Override
  public void configure(Subparser subparser) {
    subparser
        .addArgument("action")
        .choices("list", "show", "create", "update")
        .help("list (filters below), show ID, create (--plan or --run, --title), update ID");
    subparser.addArgument("id").nargs("?").help("the finding's id (show, update)");
    subparser.addArgument("--plan").help("list: of this plan; create: for this plan");
    subparser.addArgument("--run").help("list: of this run; create: found in this run");
    subparser.addArgument("--status").help("list: with this status; update: move to it");
    subparser
        .addArgument("--overdue")
        .action(Arguments.storeTrue())
        .help("list: only open findings past their due date");
    subparser.addArgument("--step").help("create: the step it is about");
    subparser.addArgument("--title").help("create: what must be fixed");
    subparser.addArgument("--owner").help("create, update: who owns it");
    subparser.addArgument("--due").help("create, update: due date, e.g. 2027-01-31");
    subparser.addArgument("--note").help("update: closing note, or the reason a risk is accepted");
    ApiClient.addArguments(subparser);
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
    ApiClient api = ApiClient.from(namespace, bootstrap.getObjectMapper());
    switch (namespace.getString("action")) {
      case "list" -> api.get("/api/findings" + query(namespace)).forEach(f -> out.println(line(f)));
      case "show" -> show(api.get("/api/findings/" + id(namespace)));
      case "create" -> out.println(line(api.post("/api/findings", body(api, namespace, true))));
      default ->
          out.println(
              line(api.patch("/api/findings/" + id(namespace), body(api, namespace, false))));
    }
  }

  private void show(JsonNode finding) {
    out.println(line(finding));
    finding
        .path("history")
        .forEach(
            e ->
                out.printf(
                    "  %s  %-7s by %s: %s, owner %s, due %s%s%n",
                    e.path("at").asText(),
                    e.path("type").asText(),
                    e.path("actor").asText(),
                    e.path("status").asText(),
                    e.path("owner").asText(),
                    e.path("due").asText(),
                    e.has("note") ? " — " + e.path("note").asText() : ""));
  }

  /** {@code #12 open due 2027-01-31 (overdue) owner dba [plan/run step] title}. */
  static String line(JsonNode f) {
    return "#%d %-13s due %s%s  owner %s  [%s%s%s]  %s"
        .formatted(
            f.path("id").asLong(),
            f.path("status").asText(),
            f.path("due").asText(),
            f.path("overdue").asBoolean() ? " (overdue)" : "",
            f.path("owner").asText(),
            f.path("plan").asText(),
            f.has("run") ? " run " + f.path("run").asText() : "",
            f.has("step") ? " step " + f.path("step").asText() : "",
            f.path("title").asText());
  }

  private static ObjectNode body(ApiClient api, Namespace namespace, boolean create) {
    ObjectNode body = api.json().createObjectNode();
    List<String> fields =
        create
            ? List.of("plan", "run", "step", "title", "owner", "due")
            : List.of("status", "note", "owner", "due");
    for (String field : fields) {
      if (namespace.getString(field) != null) {
        body.put(field, namespace.getString(field));
      }
    }
    return body;
  }

  private static String query(Namespace namespace) {
    List<String> parts = new ArrayList<>();
    for (String filter : List.of("plan", "run", "status")) {
      if (namespace.getString(filter) != null) {
        parts.add(
            filter + "=" + URLEncoder.encode(namespace.getString(filter), StandardCharsets.UTF_8));
      }
    }
    if (Boolean.TRUE.equals(namespace.getBoolean("overdue"))) {
      parts.add("overdue=true");
    }
    return parts.isEmpty() ? "" : "?" + String.join("&", parts);
  }

  private static String id(Namespace namespace) {
    String id = namespace.getString("id");
    if (id == null || !id.matches("[1-9][0-9]{0,18}")) {
      throw new IllegalArgumentException("give the finding's id (a number), e.g. findings show 12");
    }
    return id;
  }

  @Override
  public void onError(Cli cli, Namespace namespace, Throwable e) {
    cli.getStdErr().println(e.getMessage());
  }
}
