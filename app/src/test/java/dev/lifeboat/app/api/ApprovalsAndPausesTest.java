package dev.lifeboat.app.api;

import static dev.lifeboat.app.api.LifeboatAppTest.stepOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.app.LifeboatConfiguration;
import dev.lifeboat.app.TestApi;
import dev.lifeboat.app.TestApp;
import dev.lifeboat.app.TestTokens;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Approval steps and paused steps through the whole service: decisions over HTTP, every refusal a
 * 4xx naming the rule that changes nothing, and who decided what read back from the record.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ApprovalsAndPausesTest {
  @RegisterExtension static final TestPostgres pg = new TestPostgres();

  static final DropwizardAppExtension<LifeboatConfiguration> APP =
      TestApp.extension(pg, "lifeboat_decisions");

  final ObjectMapper json = new ObjectMapper();

  @Test
  void twoPeopleOtherThanTheLauncherApproveAndTheRecordKeepsWhoAndWhy() throws Exception {
    String id = launch("needs-approval", "drill", TestTokens.OPERATOR);
    JsonNode waiting =
        waitFor(id, r -> status(stepOf(r, "two-people")).equals("awaiting_approval"));
    assertThat(stepOf(waiting, "two-people").path("summary").asText())
        .contains("awaiting 2 approvals");

    assertRefused(post(id, "after", "approve", "{}", TestTokens.ADMIN), 409, "not_approved");
    assertRefused(post(id, "nope", "approve", "{}", TestTokens.ADMIN), 404, "unknown_step");
    assertRefused(post(id, "two-people", "approve", "{}", TestTokens.VIEWER), 403, "forbidden");
    HttpResponse<String> operator = post(id, "two-people", "approve", "{}", TestTokens.OPERATOR);
    assertRefused(operator, 409, "not_approved");
    assertThat(operator.body()).contains("needs approvers holding the role commander");
    assertRefused(
        post(id, "two-people", "reject", "{}", TestTokens.COMMANDER), 400, "bad_approval");
    assertRefused(
        post(id, "two-people", "approve", "{\"comment\": \"a\\u202eb\"}", TestTokens.COMMANDER),
        400,
        "bad_comment");

    HttpResponse<String> first =
        post(
            id,
            "two-people",
            "approve",
            "{\"comment\": \"standby checked\"}",
            TestTokens.COMMANDER);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(json.readTree(first.body()).path("decisions").get(0).path("by").asText())
        .isEqualTo("test-commander");
    HttpResponse<String> twice = post(id, "two-people", "approve", "{}", TestTokens.COMMANDER);
    assertRefused(twice, 409, "not_approved");
    assertThat(twice.body()).contains("cannot count twice");

    assertThat(post(id, "two-people", "approve", "{}", TestTokens.ADMIN).statusCode())
        .isEqualTo(200);

    JsonNode done = waitFor(id, r -> !r.path("live").asBoolean() && status(r).equals("succeeded"));
    JsonNode gate = stepOf(done, "two-people");
    assertThat(gate.path("summary").asText()).isEqualTo("approved by test-commander, test-admin");
    assertThat(gate.path("decisions").findValuesAsText("by"))
        .as("read back from the record, after the workflow is gone")
        .containsExactly("test-commander", "test-admin");
    assertThat(gate.path("decisions").get(0).path("comment").asText()).isEqualTo("standby checked");
    assertThat(eventTypes(id))
        .containsSubsequence(
            "step.awaiting_approval", "step.decided", "step.decided", "step.succeeded");
    assertThat(eventTypes(id).stream().filter("step.decided"::equals).count())
        .as("refused approvals recorded nothing")
        .isEqualTo(2);
    assertRefused(post(id, "two-people", "approve", "{}", TestTokens.ADMIN), 409, "run_ended");
  }

  @Test
  void aFailedStepPausesTheRunAndASkipWithAReasonIsRecordedAsADeviation() throws Exception {
    String id = launch("pauses", "drill", TestTokens.OPERATOR);
    JsonNode paused = waitFor(id, r -> status(r).equals("paused"));
    assertThat(status(stepOf(paused, "missing-dump"))).isEqualTo("awaiting_decision");
    assertThat(status(stepOf(paused, "tell"))).isEqualTo("pending");

    assertRefused(
        post(id, "missing-dump", "decide", "{\"decision\": \"skip\"}", TestTokens.OPERATOR),
        400,
        "bad_decision");
    assertRefused(
        post(id, "missing-dump", "decide", "{\"decision\": \"later\"}", TestTokens.OPERATOR),
        400,
        "bad_decision");
    assertRefused(
        post(id, "missing-dump", "decide", "{\"decision\": \"retry\"}", TestTokens.VIEWER),
        403,
        "forbidden");
    assertRefused(
        post(id, "tell", "decide", "{\"decision\": \"retry\"}", TestTokens.OPERATOR),
        409,
        "not_decided_on");
    assertThat(status(json.readTree(get("/api/runs/" + id).body())))
        .as("no refused decision changed the run")
        .isEqualTo("paused");

    HttpResponse<String> skip =
        post(
            id,
            "missing-dump",
            "decide",
            "{\"decision\": \"skip\", \"reason\": \"the dump moved; verified by hand\"}",
            TestTokens.OPERATOR);
    assertThat(skip.statusCode()).as(skip.body()).isEqualTo(200);

    JsonNode done =
        waitFor(
            id, r -> !r.path("live").asBoolean() && status(r).equals("succeeded_with_failures"));
    JsonNode skipped = stepOf(done, "missing-dump");
    assertThat(status(skipped)).isEqualTo("skipped");
    assertThat(skipped.path("summary").asText())
        .startsWith("skipped by test-operator after it failed")
        .endsWith("the dump moved; verified by hand");
    assertThat(skipped.path("decisions").get(0).path("decision").asText()).isEqualTo("skip");
    assertThat(status(stepOf(done, "tell"))).isEqualTo("succeeded");
  }

  @Test
  void aRecoveryNeedsACommanderToDecideAndAnAbortFailsTheRun() throws Exception {
    String id = launch("pauses", "recovery", TestTokens.COMMANDER);
    waitFor(id, r -> status(r).equals("paused"));
    HttpResponse<String> second =
        new TestApi(APP.getLocalPort())
            .post("/api/plans/pauses/runs", "{\"mode\": \"recovery\"}", TestTokens.COMMANDER);
    assertRefused(second, 409, "recovery_active");
    assertThat(second.body()).as("a paused recovery is active").contains("run " + id);
    assertRefused(
        post(id, "missing-dump", "decide", "{\"decision\": \"abort\"}", TestTokens.OPERATOR),
        403,
        "forbidden");

    HttpResponse<String> abort =
        post(
            id,
            "missing-dump",
            "decide",
            "{\"decision\": \"abort\", \"reason\": \"no dump, no failover\"}",
            TestTokens.COMMANDER);
    assertThat(abort.statusCode()).as(abort.body()).isEqualTo(200);

    JsonNode done = waitFor(id, r -> !r.path("live").asBoolean() && status(r).equals("failed"));
    assertThat(stepOf(done, "missing-dump").path("summary").asText())
        .endsWith("test-commander decided to abort the run: no dump, no failover");
    assertThat(status(stepOf(done, "tell"))).isEqualTo("skipped");
  }

  private void assertRefused(HttpResponse<String> response, int status, String code)
      throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode error = json.readTree(response.body()).path("error");
    assertThat(error.path("message").asText()).as(response.body()).isNotBlank();
    assertThat(error.path("code").asText()).as(response.body()).isEqualTo(code);
  }

  private List<String> eventTypes(String id) throws Exception {
    return json.readTree(get("/api/runs/" + id + "/events").body()).findValuesAsText("type");
  }

  private static String status(JsonNode node) {
    return node.path("status").asText();
  }

  private String launch(String plan, String mode, String token) throws Exception {
    HttpResponse<String> launched =
        new TestApi(APP.getLocalPort())
            .post("/api/plans/" + plan + "/runs", "{\"mode\": \"" + mode + "\"}", token);
    assertThat(launched.statusCode()).as(launched.body()).isEqualTo(202);
    return json.readTree(launched.body()).path("id").asText();
  }

  private HttpResponse<String> post(String run, String step, String what, String body, String token)
      throws Exception {
    return new TestApi(APP.getLocalPort())
        .post("/api/runs/" + run + "/steps/" + step + "/" + what, body, token);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return new TestApi(APP.getLocalPort()).get(path, TestTokens.VIEWER);
  }

  private JsonNode waitFor(String id, Predicate<JsonNode> condition) {
    return new TestApi(APP.getLocalPort()).waitForRun(id, condition);
  }
}
