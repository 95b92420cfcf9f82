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
 * Tabletop runs through the whole service: launched as an operator, walked stage by stage by two
 * participants acknowledging over HTTP, and read back from the record once the workflow is done.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class TabletopRunsTest {
  @RegisterExtension static final TestPostgres pg = new TestPostgres();

  static final DropwizardAppExtension<LifeboatConfiguration> APP =
      TestApp.extension(pg, "lifeboat_tabletop");

  final ObjectMapper json = new ObjectMapper();

  @Test
  void twoParticipantsWalkAPlanAndTheRecordKeepsWhoSaidWhat() throws Exception {
    String id = launch("waits-forever", "tabletop", TestTokens.OPERATOR);
    JsonNode run = waitFor(id, r -> status(stepOf(r, "wait-for-port")).equals("awaiting_ack"));
    JsonNode prompt = stepOf(run, "wait-for-port").path("prompt");
    assertThat(prompt.path("kind").asText()).isEqualTo("health-check");
    assertThat(prompt.path("owner").asText()).isEqualTo("tests");
    assertThat(prompt.path("timeout").asText()).isEqualTo("15m");
    assertThat(prompt.path("fields").path("tcp").path("port").asText())
        .as("the fields as the runbook writes them")
        .isEqualTo("9");
    assertThat(status(stepOf(run, "never")))
        .as("the second stage is not prompted before the first is acknowledged")
        .isEqualTo("pending");

    HttpResponse<String> early = ack(id, "never", "{\"outcome\": \"ok\"}", TestTokens.OPERATOR);
    assertThat(early.statusCode()).as(early.body()).isEqualTo(409);
    assertThat(early.body()).contains("not being walked yet");

    HttpResponse<String> gap =
        ack(
            id,
            "wait-for-port",
            "{\"outcome\": \"gap\", \"notes\": \"nobody knows which port\\nthe DB listens on\"}",
            TestTokens.OPERATOR);
    assertThat(gap.statusCode()).as(gap.body()).isEqualTo(200);
    JsonNode acked = json.readTree(gap.body());
    assertThat(acked.path("status").asText()).isEqualTo("acknowledged");
    assertThat(acked.path("acknowledgement").path("by").asText()).isEqualTo("test-operator");
    assertThat(acked.path("acknowledgement").path("outcome").asText()).isEqualTo("gap");

    HttpResponse<String> twice =
        ack(id, "wait-for-port", "{\"outcome\": \"ok\"}", TestTokens.COMMANDER);
    assertThat(twice.statusCode()).as(twice.body()).isEqualTo(409);
    assertThat(twice.body()).contains("already acknowledged");

    waitFor(id, r -> status(stepOf(r, "never")).equals("awaiting_ack"));
    HttpResponse<String> ok =
        ack(id, "never", "{\"outcome\": \"ok\", \"notes\": \"done\"}", TestTokens.COMMANDER);
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);

    JsonNode done =
        waitFor(
            id, r -> !r.path("live").asBoolean() && status(r).equals("succeeded_with_findings"));
    assertThat(stepOf(done, "wait-for-port").path("acknowledgement").path("by").asText())
        .as("read back from the record, after the workflow is gone")
        .isEqualTo("test-operator");
    assertThat(stepOf(done, "never").path("acknowledgement").path("by").asText())
        .isEqualTo("test-commander");
    assertThat(stepOf(done, "never").path("prompt").path("kind").asText()).isEqualTo("notify");
    assertThat(done.path("findings")).hasSize(1);
    assertThat(done.path("findings").get(0).path("stepId").asText()).isEqualTo("wait-for-port");
    assertThat(done.path("findings").get(0).path("notes").asText())
        .isEqualTo("nobody knows which port\nthe DB listens on");

    JsonNode events = json.readTree(get("/api/runs/" + id + "/events").body());
    List<JsonNode> acks =
        events.findParents("type").stream()
            .filter(event -> event.path("type").asText().equals("step.acknowledged"))
            .toList();
    assertThat(acks).hasSize(2);
    assertThat(acks.get(0).path("detail").path("by").asText()).isEqualTo("test-operator");
    assertThat(acks.get(0).path("detail").path("outcome").asText()).isEqualTo("GAP");
    assertThat(acks.get(1).path("detail").path("by").asText()).isEqualTo("test-commander");
    assertThat(events.get(events.size() - 1).path("message").asText())
        .isEqualTo("walked 2 steps with test-operator, test-commander; 1 gap found");

    HttpResponse<String> late = ack(id, "never", "{\"outcome\": \"ok\"}", TestTokens.OPERATOR);
    assertThat(late.statusCode()).as(late.body()).isEqualTo(409);
    assertThat(json.readTree(late.body()).path("error").path("code").asText())
        .isEqualTo("run_ended");
  }

  @Test
  void refusesWhatCannotBeAcknowledged() throws Exception {
    String tabletop = launch("waits-forever", "tabletop", TestTokens.OPERATOR);
    waitFor(tabletop, r -> status(stepOf(r, "wait-for-port")).equals("awaiting_ack"));
    String drill = launch("waits-forever", "drill", TestTokens.OPERATOR);

    assertRefused(
        ack("00000000-0000-0000-0000-000000000000", "x", "{\"outcome\": \"ok\"}", op()),
        404,
        "unknown_run");
    assertRefused(
        ack(tabletop, "no-such-step", "{\"outcome\": \"ok\"}", op()), 404, "unknown_step");
    assertRefused(ack(drill, "wait-for-port", "{\"outcome\": \"ok\"}", op()), 409, "not_tabletop");
    assertRefused(
        ack(tabletop, "wait-for-port", "{\"outcome\": \"fine\"}", op()), 400, "bad_outcome");
    assertRefused(
        ack(tabletop, "wait-for-port", "{\"outcome\": \"gap\"}", op()), 400, "bad_acknowledgement");
    assertRefused(
        ack(tabletop, "wait-for-port", "{\"outcome\": \"ok\", \"notes\": \"a\\u202eb\"}", op()),
        400,
        "bad_notes");
    assertRefused(
        ack(tabletop, "wait-for-port", "{\"outcome\": \"ok\"}", TestTokens.VIEWER), 403, null);
    assertThat(status(stepOf(json.readTree(get("/api/runs/" + tabletop).body()), "wait-for-port")))
        .as("no refused request acknowledged the step")
        .isEqualTo("awaiting_ack");

    new TestApi(APP.getLocalPort()).post("/api/runs/" + tabletop + "/cancel", "", op());
    new TestApi(APP.getLocalPort()).post("/api/runs/" + drill + "/cancel", "", op());
    JsonNode cancelled = waitFor(tabletop, r -> status(r).equals("cancelled"));
    assertThat(status(stepOf(cancelled, "wait-for-port"))).isEqualTo("skipped");
  }

  private void assertRefused(HttpResponse<String> response, int status, String code)
      throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode error = json.readTree(response.body()).path("error");
    assertThat(error.path("message").asText()).as(response.body()).isNotBlank();
    if (code != null) {
      assertThat(error.path("code").asText()).as(response.body()).isEqualTo(code);
    }
  }

  private static String op() {
    return TestTokens.OPERATOR;
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

  private HttpResponse<String> ack(String run, String step, String body, String token)
      throws Exception {
    return new TestApi(APP.getLocalPort())
        .post("/api/runs/" + run + "/steps/" + step + "/acknowledge", body, token);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return new TestApi(APP.getLocalPort()).get(path, TestTokens.VIEWER);
  }

  private JsonNode waitFor(String id, Predicate<JsonNode> condition) {
    return new TestApi(APP.getLocalPort()).waitForRun(id, condition);
  }
}
