package dev.lifeboat.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.app.LifeboatConfiguration;
import dev.lifeboat.app.SampleDump;
import dev.lifeboat.app.TestApi;
import dev.lifeboat.app.TestApp;
import dev.lifeboat.app.TestTokens;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Run reports through the whole service: four runs really run on the embedded Temporal server and
 * recorded in PostgreSQL (a drill that passes, one that fails after retries, a tabletop walked with
 * a gap and left unfinished, a recovery behind an approval), each report fetched in every format
 * and read back for its fields; hostile runbook text and notes come out inert in each.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ReportAppTest {
  @RegisterExtension static final TestPostgres pg = new TestPostgres();

  static final DropwizardAppExtension<LifeboatConfiguration> APP =
      TestApp.extension(pg, "lifeboat_reports", ReportPlans.folder());

  /** A fresh real dump, so the passing drill measures its RPO against its header. */
  static Path dump;

  @BeforeAll
  static void dumpTheShop() throws Exception {
    dump = SampleDump.create(pg, Files.createTempDirectory("lifeboat-report-dump"), 20);
  }

  final ObjectMapper json = new ObjectMapper();
  final TestApi api = new TestApi(APP.getLocalPort());

  @Test
  void aDrillThatPassedShowsPlanTimelineCleanupVerdictAndChainHead() throws Exception {
    String id = launch("report-passes", "drill", TestTokens.OPERATOR);
    JsonNode run = ended(id, "succeeded");
    String head = integrityHead(id);
    Reports r = Reports.of(api, id);

    JsonNode j = r.json();
    assertThat(j.path("plan").path("text").asText())
        .as("the exact runbook text that ran")
        .isEqualTo(ReportPlans.PASSES);
    assertThat(j.path("plan").path("sha256").asText()).isEqualTo(run.path("planSha256").asText());
    assertThat(j.path("plan").path("owner").asText()).isEqualTo("dba-team");
    assertThat(j.path("mode").asText()).isEqualTo("drill");
    assertThat(j.path("launcher").asText()).isEqualTo("test-operator");
    assertThat(j.path("rto").path("target").asText()).isEqualTo("5m");
    assertThat(j.path("rto").path("measured").asText())
        .isEqualTo(run.path("measured").path("rto").asText());
    assertThat(j.path("rpo").path("target").asText()).isEqualTo("1h");
    assertThat(j.path("rpo").path("measured").asText())
        .isEqualTo(run.path("measured").path("rpo").asText())
        .isNotEmpty();
    assertThat(j.path("rpo").path("measuredAgainst").asText()).startsWith(dump.toString());
    assertThat(j.path("rpo").path("met").asBoolean()).isTrue();
    assertThat(j.path("verdict").path("verdict").asText()).isEqualTo("pass");
    assertThat(j.path("steps").findValuesAsText("id"))
        .containsExactly("verify-dump", "mark", "say");
    JsonNode say = j.path("steps").get(2).path("attempts");
    assertThat(say).hasSize(1);
    assertThat(say.get(0).path("outcome").asText()).isEqualTo("succeeded");
    assertThat(say.get(0).path("startedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertFullOutputServed(say.get(0).path("outputUrl").asText(), id, "step.succeeded");
    assertThat(j.path("cleanup").path("status").asText()).isEqualTo("complete");
    assertThat(j.path("cleanup").path("undos").get(0).path("stepId").asText()).isEqualTo("mark");
    assertThat(j.path("cleanup").path("undos").get(0).path("status").asText())
        .isEqualTo("succeeded");
    assertThat(j.path("integrity").path("status").asText()).isEqualTo("intact");
    assertThat(j.path("integrity").path("head").asText()).isEqualTo(head);

    assertThat(r.html())
        .contains("report-passes", "dba-team", run.path("planSha256").asText(), head)
        .contains("drill", "pass", "complete", "mark", "say", "5m", "1h", "intact")
        .contains("Shop drill &lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;")
        .contains("# =cmd|&#39; /C calc&#39;!A0 and &lt;b&gt;markup&lt;/b&gt;")
        .doesNotContain("<script>", "<b>");
    assertThat(r.pdfFlat())
        .contains("Run report: Shop drill <script>alert('title')</script>")
        .contains("report-passes", "dba-team", "drill", "pass", "mark", "say", "complete")
        .contains("Objectives", "Timeline", "Cleanup", "Integrity", "intact");
    assertThat(r.pdf().replaceAll("\\s", ""))
        .as("the chain head and plan hash, whole, wherever PDFBox broke the lines")
        .contains(head, run.path("planSha256").asText());
    assertThat(r.md())
        .startsWith("# Run report: Shop drill \\<script\\>alert('title')\\</script\\>\n")
        .contains("| Mode | drill |", "Verdict: **pass**", "Cleanup: complete")
        .contains("Chain head: `" + head + "`")
        .contains("```yaml\n" + ReportPlans.PASSES + "\n```");
    assertThat(beforeRunbook(r.md())).doesNotContain("<script>");
    assertThat(r.csv())
        .extracting(row -> row.get("step"))
        .containsExactly("verify-dump", "mark", "say");
    assertThat(r.csv()).allSatisfy(row -> assertThat(row.get("outcome")).isEqualTo("succeeded"));
    assertThat(r.csv().get(2).get("output_url")).isEqualTo(say.get(0).path("outputUrl").asText());
  }

  @Test
  void aDrillThatFailedShowsEveryAttemptAndWhy() throws Exception {
    String id = launch("report-fails", "drill", TestTokens.OPERATOR);
    ended(id, "failed");
    Reports r = Reports.of(api, id);

    JsonNode j = r.json();
    assertThat(j.path("status").asText()).isEqualTo("failed");
    assertThat(j.path("verdict").path("verdict").asText()).isEqualTo("fail");
    assertThat(j.path("verdict").path("reasons").get(0).asText()).contains("port-closed");
    JsonNode attempts = j.path("steps").get(0).path("attempts");
    assertThat(attempts.findValuesAsText("attempt")).containsExactly("1", "2");
    assertThat(attempts.findValuesAsText("outcome")).containsExactly("failed", "failed");
    assertFullOutputServed(attempts.get(0).path("outputUrl").asText(), id, "step.attempt_failed");
    assertThat(j.path("cleanup").isNull()).as("no undo registered").isTrue();

    assertThat(r.html()).contains("port-closed", "fail", "nothing to clean up");
    assertThat(r.pdfFlat()).contains("port-closed", "Verdict: fail", "127.0.0.1:9");
    assertThat(r.md()).contains("Verdict: **fail**", "| check | port-closed (health-check) | 2 |");
    assertThat(r.csv()).extracting(row -> row.get("attempt")).containsExactly("1", "2");
    assertThat(r.csv()).allSatisfy(row -> assertThat(row.get("step_status")).isEqualTo("failed"));
  }

  @Test
  void aTabletopWithAGapAndAnUnacknowledgedStepShowsBothAndItsParticipants() throws Exception {
    String id = launch("report-walked", "tabletop", TestTokens.OPERATOR);
    awaitStep(id, "call-dba", "awaiting_ack");
    acknowledge(id, "call-dba", "gap", ReportPlans.HOSTILE, TestTokens.OPERATOR);
    awaitStep(id, "check-port", "awaiting_ack");
    acknowledge(id, "check-port", "ok", "=SUM(1+1) checked\nby hand", TestTokens.COMMANDER);
    awaitStep(id, "tell-users", "awaiting_ack");
    HttpResponse<String> cancel =
        api.post("/api/runs/" + id + "/cancel", "{}", TestTokens.OPERATOR);
    assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(202);
    ended(id, "cancelled");
    Reports r = Reports.of(api, id);

    JsonNode j = r.json();
    assertThat(j.path("mode").asText()).isEqualTo("tabletop");
    assertThat(List.of(json.treeToValue(j.path("participants"), String[].class)))
        .containsExactly("test-operator", "test-commander");
    assertThat(j.path("steps").get(0).path("acknowledgement").path("outcome").asText())
        .isEqualTo("gap");
    assertThat(j.path("steps").get(0).path("acknowledgement").path("notes").asText())
        .isEqualTo(ReportPlans.HOSTILE);
    assertThat(j.path("steps").get(2).path("acknowledgement").isNull()).isTrue();
    assertThat(j.path("verdict").isNull()).isTrue();
    assertThat(j.path("actions").get(0).path("action").asText()).isEqualTo("cancel");

    assertThat(r.html())
        .contains("Walk-through", "not acknowledged", "test-operator, test-commander")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; =cmd|&#39; /C calc&#39;!A0")
        .contains("not applicable", "cancel by test-operator")
        .doesNotContain("<script>");
    assertThat(r.pdfFlat()).contains("Walk-through", "not acknowledged", "gap", "tell-users");
    assertThat(r.pdf().replaceAll("\\s", ""))
        .as("the notes as text, wherever the narrow cell broke their lines")
        .contains("<script>alert('x')</script>", "=SUM(1+1)checkedbyhand");
    assertThat(r.md())
        .contains("| first | call-dba | test-operator | gap | \\<script\\>alert('x')\\</script\\>")
        .contains("=cmd\\|' /C calc'\\!A0 \\| \\*bold\\* |")
        .contains("| third | tell-users | not acknowledged |")
        .doesNotContain("<script>");
    Map<String, String> gap = r.csv().get(0);
    assertThat(gap.get("notes")).isEqualTo(ReportPlans.HOSTILE);
    assertThat(gap.get("acknowledgement")).isEqualTo("gap");
    assertThat(r.csv().get(1).get("notes"))
        .as("a formula is made text for spreadsheets; the line break survives in quotes")
        .isEqualTo("'=SUM(1+1) checked\nby hand");
    assertThat(r.csv())
        .allSatisfy(row -> row.values().forEach(cell -> assertThat(cell).doesNotStartWith("=")));
  }

  @Test
  void aRecoveryShowsWhoApprovedItWithTheirComment() throws Exception {
    String id = launch("report-recovers", "recovery", TestTokens.COMMANDER);
    awaitStep(id, "go-ahead", "awaiting_approval");
    HttpResponse<String> approved =
        api.post(
            "/api/runs/" + id + "/steps/go-ahead/approve",
            "{\"comment\": \"standby checked, <go>\"}",
            TestTokens.ADMIN);
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    ended(id, "succeeded");
    Reports r = Reports.of(api, id);

    JsonNode decision = r.json().path("decisions").get(0);
    assertThat(decision.path("stepId").asText()).isEqualTo("go-ahead");
    assertThat(decision.path("by").asText()).isEqualTo("test-admin");
    assertThat(decision.path("decision").asText()).isEqualTo("approve");
    assertThat(decision.path("comment").asText()).isEqualTo("standby checked, <go>");
    assertThat(r.json().path("launcher").asText()).isEqualTo("test-commander");
    assertThat(r.json().path("verdict").path("verdict").asText()).isIn("pass", "fail");

    assertThat(r.html())
        .contains("recovery", "test-commander", "test-admin", "approve")
        .contains("standby checked, &lt;go&gt;");
    assertThat(r.pdfFlat())
        .contains("recovery", "test-admin", "approve", "standby checked, <go>", "go-ahead");
    assertThat(r.md()).contains("| go-ahead | approve | test-admin |", "standby checked, \\<go\\>");
    assertThat(r.csv()).extracting(row -> row.get("step")).containsExactly("go-ahead", "switch");
    assertThat(r.csv()).allSatisfy(row -> assertThat(row.get("mode")).isEqualTo("recovery"));
  }

  @Test
  void thePlanThatRanIsServedAloneAndHoldsOnlySecretReferences() throws Exception {
    String id = launch("report-passes", "drill", TestTokens.OPERATOR);
    HttpResponse<String> plan = api.get("/api/runs/" + id + "/plan", TestTokens.VIEWER);
    assertThat(plan.statusCode()).isEqualTo(200);
    assertThat(plan.headers().firstValue("Content-Type").orElse("")).startsWith("application/yaml");
    assertThat(plan.body()).isEqualTo(ReportPlans.PASSES).contains("hook: env:LB_REPORT_TEST_HOOK");
    ended(id, "succeeded");
  }

  @Test
  void eventsServeTheirDetailAsJson() throws Exception {
    String id = launch("report-fails", "drill", TestTokens.OPERATOR);
    ended(id, "failed");
    JsonNode events =
        json.readTree(api.get("/api/runs/" + id + "/events", TestTokens.VIEWER).body());
    JsonNode verdict = events.get(events.size() - 1);
    assertThat(verdict.path("type").asText()).isEqualTo("run.verdict");
    assertThat(verdict.path("detail").isObject()).as(verdict.toString()).isTrue();
    assertThat(verdict.path("detail").path("verdict").asText())
        .isEqualTo(ended(id, "failed").path("verdict").asText())
        .isNotEmpty();
    assertThat(events.get(0).path("detail").isNull())
        .as("an event without detail says null")
        .isTrue();
  }

  @Test
  void badRequestsAreRefusedWithJsonNamingTheProblem() throws Exception {
    String unknown = "00000000-0000-0000-0000-000000000000";
    assertRefused(Reports.path(unknown, "html"), 404, "unknown_run", "no run with id " + unknown);
    assertRefused(
        "/api/runs/" + unknown + "/plan", 404, "unknown_run", "no run with id " + unknown);
    assertRefused(
        Reports.path(unknown, "docx"),
        400,
        "bad_format",
        "format must be one of html, pdf, md, json, csv; got 'docx'");
    assertRefused(Reports.path("not-a-run", "html"), 400, "bad_run_id", null);
    assertRefused("/api/runs/" + unknown + "/events/1", 404, "unknown_event", null);
    assertRefused("/api/runs/" + unknown + "/events/x", 400, "bad_seq", null);

    HttpResponse<String> anonymous = api.get(Reports.path(unknown, "html"), null);
    assertThat(anonymous.statusCode()).as("a report needs a token").isEqualTo(401);
  }

  private void assertRefused(String path, int status, String code, String message)
      throws Exception {
    HttpResponse<String> answer = api.get(path, TestTokens.VIEWER);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    assertThat(answer.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/json");
    JsonNode error = json.readTree(answer.body()).path("error");
    assertThat(error.path("code").asText()).isEqualTo(code);
    if (message != null) {
      assertThat(error.path("message").asText()).isEqualTo(message);
    }
  }

  private void assertFullOutputServed(String url, String runId, String type) throws Exception {
    assertThat(url).startsWith(api.uri("/api/runs/" + runId + "/events/").toString());
    HttpResponse<String> event =
        api.get(url.substring(api.uri("").toString().length()), TestTokens.VIEWER);
    assertThat(event.statusCode()).as(event.body()).isEqualTo(200);
    assertThat(json.readTree(event.body()).path("type").asText()).isEqualTo(type);
  }

  private static String beforeRunbook(String markdown) {
    return markdown.substring(0, markdown.indexOf("## Runbook as it ran"));
  }

  private String launch(String plan, String mode, String token) throws Exception {
    String params =
        plan.equals("report-passes") ? ", \"params\": {\"backup_path\": \"" + dump + "\"}" : "";
    HttpResponse<String> launched =
        api.post(
            "/api/plans/" + plan + "/runs", "{\"mode\": \"" + mode + "\"" + params + "}", token);
    assertThat(launched.statusCode()).as(launched.body()).isEqualTo(202);
    return json.readTree(launched.body()).path("id").asText();
  }

  private JsonNode ended(String id, String status) {
    JsonNode run =
        api.awaitRun(
            id,
            "its end, from the record",
            Duration.ofSeconds(60),
            r ->
                !r.path("live").asBoolean()
                    && r.path("status")
                        .asText()
                        .matches("succeeded.*|failed|cancelled|interrupted"));
    assertThat(run.path("status").asText()).as(run.toPrettyString()).isEqualTo(status);
    return run;
  }

  private void awaitStep(String id, String step, String status) {
    Predicate<JsonNode> there =
        run -> {
          for (JsonNode s : run.path("steps")) {
            if (s.path("id").asText().equals(step)) {
              return s.path("status").asText().equals(status);
            }
          }
          return false;
        };
    api.awaitRun(id, "step " + step + " " + status, Duration.ofSeconds(30), there);
  }

  private void acknowledge(String id, String step, String outcome, String notes, String token)
      throws Exception {
    HttpResponse<String> ack =
        api.post(
            "/api/runs/" + id + "/steps/" + step + "/acknowledge",
            json.writeValueAsString(Map.of("outcome", outcome, "notes", notes)),
            token);
    assertThat(ack.statusCode()).as(ack.body()).isEqualTo(200);
  }

  private String integrityHead(String id) throws Exception {
    return json.readTree(api.get("/api/runs/" + id + "/integrity", TestTokens.VIEWER).body())
        .path("head")
        .asText();
  }
}
