package dev.lifeboat.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.app.LifeboatApplication;
import dev.lifeboat.app.LifeboatConfiguration;
import dev.lifeboat.app.TestApi;
import dev.lifeboat.app.TestApp;
import dev.lifeboat.app.TestPlans;
import dev.lifeboat.app.TestTokens;
import dev.lifeboat.app.cli.FindingsCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.sourceforge.argparse4j.inf.Namespace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Findings through the whole service: made by the end of real runs (a cancelled drill's missed
 * objectives, a tabletop's gap, a drill step a person skipped), followed to closure over HTTP, and
 * every bad request refused with its 4xx, recording nothing.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class FindingsAppTest {
  @RegisterExtension static final TestPostgres pg = new TestPostgres();

  static final String DATABASE = pg.createDatabase("lifeboat_findings_api");

  static final DropwizardAppExtension<LifeboatConfiguration> APP =
      TestApp.withRecordAt(pg.url(DATABASE), TestPostgres.server().user(), TestPlans.folder());

  final ObjectMapper json = new ObjectMapper();
  final TestApi api = new TestApi(APP.getLocalPort());
  final LocalDate today = LocalDate.now(ZoneOffset.UTC);

  @Test
  void aCancelledDrillLeavesItsMissedObjectivesWhichAreFollowedToClosure() throws Exception {
    String run = api.launchWaitingDrill();
    HttpResponse<String> cancel = api.post("/api/runs/" + run + "/cancel", "", TestTokens.OPERATOR);
    assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(202);
    // As its verdict says: the step cancelled while running failed, neither objective was shown
    // met.
    List<JsonNode> found = findingsOf(run, 3);

    assertThat(found)
        .extracting(
            f ->
                f.path("origin").asText()
                    + ":"
                    + f.path("step").asText(f.path("objective").asText()))
        .containsExactlyInAnyOrder(
            "failed_step:wait-for-port", "missed_objective:rto", "missed_objective:rpo");
    JsonNode rto =
        found.stream()
            .filter(f -> f.path("objective").asText().equals("rto"))
            .findFirst()
            .orElseThrow();
    assertThat(rto.path("plan").asText()).isEqualTo("waits-forever");
    assertThat(rto.path("owner").asText()).as("the plan's owner").isEqualTo("tests");
    assertThat(rto.path("due").asText()).isEqualTo(today.plusDays(30).toString());
    assertThat(rto.path("status").asText()).isEqualTo("open");
    assertThat(rto.path("createdBy").asText()).isEqualTo("lifeboat");
    assertThat(rto.path("title").asText()).startsWith("RTO not measured");
    String path = "/api/findings/" + rto.path("id").asLong();

    assertRefused(patch(path, "{\"status\": \"in_progress\"}", TestTokens.VIEWER), 403, null);
    JsonNode started = ok(patch(path, "{\"status\": \"in_progress\"}", TestTokens.OPERATOR));
    assertThat(started.path("status").asText()).isEqualTo("in_progress");
    assertRefused(
        patch(path, "{\"status\": \"closed\"}", TestTokens.OPERATOR), 400, "missing_note");
    assertRefused(
        patch(path, "{\"status\": \"open\"}", TestTokens.OPERATOR), 400, "illegal_transition");
    assertRefused(patch(path, "{\"status\": \"done\"}", TestTokens.OPERATOR), 400, "bad_status");
    JsonNode closed =
        ok(
            patch(
                path,
                "{\"status\": \"closed\", \"note\": \"RTO measured in the next drill\","
                    + " \"owner\": \"test-operator\"}",
                TestTokens.OPERATOR));
    assertThat(closed.path("status").asText()).isEqualTo("closed");
    assertThat(closed.path("note").asText()).isEqualTo("RTO measured in the next drill");
    assertThat(closed.path("owner").asText()).isEqualTo("test-operator");
    assertRefused(
        patch(path, "{\"status\": \"accepted_risk\", \"note\": \"x\"}", TestTokens.OPERATOR),
        400,
        "illegal_transition");
    assertRefused(
        patch(path, "{\"owner\": \"tests\"}", TestTokens.OPERATOR), 400, "finding_closed");

    JsonNode one = ok(api.get(path, TestTokens.VIEWER));
    List<String> history = new ArrayList<>();
    one.path("history")
        .forEach(e -> history.add(e.path("type").asText() + ":" + e.path("actor").asText()));
    assertThat(history)
        .as("each change one event, refusals none")
        .containsExactly(
            "created:lifeboat",
            "status:test-operator",
            "owner:test-operator",
            "status:test-operator");
    JsonNode closedOnes = ok(api.get("/api/findings?status=closed&run=" + run, TestTokens.VIEWER));
    assertThat(closedOnes).hasSize(1);
  }

  @Test
  void aTabletopGapAndASkippedDrillStepBecomeFindings() throws Exception {
    String tabletop = launch("waits-forever", "tabletop");
    api.waitForRun(
        tabletop, r -> r.path("steps").path(0).path("status").asText().equals("awaiting_ack"));
    ok(
        api.post(
            "/api/runs/" + tabletop + "/steps/wait-for-port/acknowledge",
            "{\"outcome\": \"gap\", \"notes\": \"nobody knows the port\"}",
            TestTokens.OPERATOR));
    api.waitForRun(
        tabletop, r -> r.path("steps").path(1).path("status").asText().equals("awaiting_ack"));
    ok(
        api.post(
            "/api/runs/" + tabletop + "/steps/never/acknowledge",
            "{\"outcome\": \"ok\"}",
            TestTokens.OPERATOR));
    JsonNode gap = findingsOf(tabletop, 1).get(0);
    assertThat(gap.path("origin").asText()).isEqualTo("tabletop_gap");
    assertThat(gap.path("step").asText()).isEqualTo("wait-for-port");
    assertThat(gap.path("title").asText())
        .isEqualTo("Gap in step wait-for-port: nobody knows the port");

    String drill = launch("pauses", "drill");
    api.waitForRun(
        drill, r -> r.path("steps").path(0).path("status").asText().equals("awaiting_decision"));
    ok(
        api.post(
            "/api/runs/" + drill + "/steps/missing-dump/decide",
            "{\"decision\": \"skip\", \"reason\": \"verified by hand\"}",
            TestTokens.OPERATOR));
    List<JsonNode> found = findingsOf(drill, 2);
    assertThat(found)
        .extracting(
            f ->
                f.path("origin").asText()
                    + ":"
                    + f.path("step").asText(f.path("objective").asText()))
        .containsExactlyInAnyOrder("skipped_step:missing-dump", "missed_objective:rpo");
  }

  @Test
  void findingsByHandAreCheckedAndRefusalsRecordNothing() throws Exception {
    String before = pg.queryText(DATABASE, "select count(*) from finding_events");
    String unknownRun = "00000000-0000-0000-0000-000000000000";
    assertRefused(create("{\"plan\": \"pauses\", \"title\": \"t\"}", TestTokens.VIEWER), 403, null);
    assertRefused(
        create("{\"plan\": \"pauses\", \"title\": \"t\", \"due\": \"" + today.minusDays(1) + "\"}"),
        400,
        "due_in_past");
    assertRefused(
        create("{\"plan\": \"pauses\", \"title\": \"t\", \"due\": \"soon\"}"), 400, "bad_due");
    assertRefused(
        create("{\"plan\": \"pauses\", \"title\": \"t\", \"owner\": \"mallory\"}"),
        400,
        "unknown_owner");
    assertRefused(create("{\"plan\": \"no-such-plan\", \"title\": \"t\"}"), 404, "unknown_plan");
    assertRefused(
        create("{\"run\": \"" + unknownRun + "\", \"title\": \"t\"}"), 404, "unknown_run");
    assertRefused(create("{\"run\": \"nope\", \"title\": \"t\"}"), 400, "bad_run_id");
    assertRefused(create("{\"plan\": \"pauses\"}"), 400, "missing_title");
    assertRefused(create("{\"title\": \"t\"}"), 400, "missing_plan");
    assertRefused(create("{\"plan\": \"pauses\", \"title\": \"t\", \"colour\": 1}"), 400, null);
    assertRefused(api.get("/api/findings/999999", TestTokens.VIEWER), 404, "unknown_finding");
    assertRefused(api.get("/api/findings/abc", TestTokens.VIEWER), 400, "bad_finding_id");
    assertRefused(
        patch(
            "/api/findings/999999",
            "{\"status\": \"closed\", \"note\": \"n\"}",
            TestTokens.OPERATOR),
        404,
        "unknown_finding");
    assertRefused(api.get("/api/findings?overdue=maybe", TestTokens.VIEWER), 400, "bad_overdue");
    assertRefused(api.get("/api/findings?status=shut", TestTokens.VIEWER), 400, "bad_status");
    assertRefused(
        api.get("/api/findings?plan=no-such-plan", TestTokens.VIEWER), 404, "unknown_plan");
    assertRefused(
        api.get("/api/findings?run=" + unknownRun, TestTokens.VIEWER), 404, "unknown_run");
    assertThat(pg.queryText(DATABASE, "select count(*) from finding_events")).isEqualTo(before);

    HttpResponse<String> made =
        create(
            "{\"plan\": \"needs-approval\", \"title\": \"Second commander has no token\","
                + " \"owner\": \"test-viewer\", \"due\": \""
                + today
                + "\"}");
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    JsonNode finding = json.readTree(made.body());
    assertThat(made.headers().firstValue("Location").orElseThrow())
        .endsWith("/api/findings/" + finding.path("id").asLong());
    assertThat(finding.path("origin").asText()).isEqualTo("manual");
    assertThat(finding.path("owner").asText()).as("a token holder").isEqualTo("test-viewer");
    assertThat(finding.path("createdBy").asText()).isEqualTo("test-operator");
    assertThat(finding.path("overdue").asBoolean()).as("due today is not overdue").isFalse();
    assertThat(finding.has("run")).isFalse();
    JsonNode listed =
        ok(api.get("/api/findings?plan=needs-approval&status=open", TestTokens.VIEWER));
    assertThat(listed).hasSize(1);
    assertThat(ok(api.get("/api/findings?plan=needs-approval&overdue=true", TestTokens.VIEWER)))
        .isEmpty();
  }

  @Test
  void theCliCreatesListsShowsAndUpdatesThroughTheApi() throws Exception {
    String made =
        cli(
            TestTokens.OPERATOR,
            Map.of("action", "create", "plan", "undoable", "title", "Undo leaves a marker"));
    assertThat(made).contains("open").contains("owner tests").contains("Undo leaves a marker");
    String id = made.substring(1, made.indexOf(' '));

    String updated =
        cli(
            TestTokens.OPERATOR,
            Map.of("action", "update", "id", id, "status", "closed", "note", "marker removed"));
    assertThat(updated).startsWith("#" + id + " closed");
    assertThat(cli(TestTokens.VIEWER, Map.of("action", "list", "plan", "undoable")))
        .contains("#" + id + " closed");
    assertThat(cli(TestTokens.VIEWER, Map.of("action", "show", "id", id)))
        .contains("created by test-operator")
        .contains("status  by test-operator: closed, owner tests")
        .contains("— marker removed");
    assertThatThrownBy(
            () -> cli(TestTokens.VIEWER, Map.of("action", "update", "id", id, "owner", "tests")))
        .hasMessageStartingWith("refused (403)");
  }

  /** Runs {@code lifeboat findings} with {@code arguments} against the app; answers its output. */
  private String cli(String token, Map<String, Object> arguments) throws Exception {
    Map<String, Object> all = new HashMap<>(arguments);
    all.put("url", "http://127.0.0.1:" + APP.getLocalPort());
    all.put("token", token);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new FindingsCommand(new PrintStream(out, true, StandardCharsets.UTF_8))
        .run(new Bootstrap<>(new LifeboatApplication()), new Namespace(all));
    return out.toString(StandardCharsets.UTF_8);
  }

  private String launch(String plan, String mode) throws Exception {
    HttpResponse<String> launched =
        api.post(
            "/api/plans/" + plan + "/runs", "{\"mode\": \"" + mode + "\"}", TestTokens.OPERATOR);
    assertThat(launched.statusCode()).as(launched.body()).isEqualTo(202);
    return json.readTree(launched.body()).path("id").asText();
  }

  /** The run's findings once there are {@code count}; fails after 30 s. */
  private List<JsonNode> findingsOf(String run, int count) {
    JsonNode all =
        await("run " + run + " to leave " + count + " findings")
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(200))
            .until(
                () -> json.readTree(api.get("/api/findings?run=" + run, TestTokens.VIEWER).body()),
                list -> list.size() == count);
    List<JsonNode> found = new ArrayList<>();
    all.forEach(found::add);
    return found;
  }

  private HttpResponse<String> create(String body) throws Exception {
    return create(body, TestTokens.OPERATOR);
  }

  private HttpResponse<String> create(String body, String token) throws Exception {
    return api.post("/api/findings", body, token);
  }

  private HttpResponse<String> patch(String path, String body, String token) throws Exception {
    return api.send("PATCH", path, body, token);
  }

  private JsonNode ok(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private void assertRefused(HttpResponse<String> response, int status, String code)
      throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    if (code != null) {
      assertThat(json.readTree(response.body()).path("error").path("code").asText())
          .as(response.body())
          .isEqualTo(code);
    }
  }
}
