package dev.lifeboat.app.api;

import static dev.lifeboat.app.api.LifeboatAppTest.stepOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.app.LifeboatConfiguration;
import dev.lifeboat.app.RestartablePostgres;
import dev.lifeboat.app.TestApi;
import dev.lifeboat.app.TestApp;
import dev.lifeboat.app.TestPlans;
import dev.lifeboat.app.TestTokens;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The record (PostgreSQL) goes away under a running service: every endpoint that needs it answers
 * 503 with {@code Retry-After} and the JSON error body (never a 500), what does not need it still
 * answers, a running run is still shown from its workflow, and when the record is back everything
 * answers as before. The record is a PostgreSQL of this test's own, on a free port, so it can be
 * stopped.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RecordOutageTest {
  static final RestartablePostgres RECORD = RestartablePostgres.started();

  static final DropwizardAppExtension<LifeboatConfiguration> APP =
      TestApp.withRecordAt(RECORD.url("postgres"), "postgres", TestPlans.folder());

  static final String UNKNOWN_RUN = "/api/runs/00000000-0000-0000-0000-000000000000";

  final ObjectMapper json = new ObjectMapper();

  /** One request and the token it is sent with. */
  record Call(String method, String path, String body, String token) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  @Test
  void answers503WhileTheRecordIsDownAndRecoversWhenItIsBack() throws Exception {
    TestApi api = new TestApi(APP.getLocalPort());
    HttpResponse<String> made =
        api.post("/api/tokens", "{\"name\": \"dana\", \"role\": \"operator\"}", TestTokens.ADMIN);
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    String databaseToken = json.readTree(made.body()).path("token").asText();
    // Its step is running and recorded, so during the outage the workflow is not itself retrying a
    // write to the record (a workflow busy retrying answers no query until its workflow task ends).
    String id = api.launchWaitingDrill();

    RECORD.stop();
    List<Call> needTheRecord = needTheRecord(id, databaseToken);
    assertRefusedAsUnavailable(api, needTheRecord);
    assertStillAnswersWithoutTheRecord(api, id);
    // Later in the outage the pool holds no dead connections any more: new ones are refused.
    Thread.sleep(6_000);
    assertRefusedAsUnavailable(api, needTheRecord);
    assertStillAnswersWithoutTheRecord(api, id);

    RECORD.start();
    awaitAnswer(api, new Call("GET", "/api/runs", null, TestTokens.VIEWER));
    JsonNode run = json.readTree(api.get("/api/runs/" + id, TestTokens.VIEWER).body());
    assertThat(run.path("plan").asText()).isEqualTo("waits-forever");
    assertThat(run.path("source").asText()).isEqualTo("live");
    assertThat(run.has("note")).as(run.toString()).isFalse();
    for (Call call : needTheRecord) {
      HttpResponse<String> response =
          api.send(call.method(), call.path(), call.body(), call.token());
      assertThat(response.statusCode())
          .as("%s once the record is back: %s", call, response.body())
          .isNotIn(500, 503);
    }
  }

  /** Every kind of request that reads or writes the record, each allowed to the token it uses. */
  private static List<Call> needTheRecord(String id, String databaseToken) {
    String run = "/api/runs/" + id;
    return List.of(
        new Call("GET", "/api/runs", null, TestTokens.VIEWER),
        new Call("GET", UNKNOWN_RUN, null, TestTokens.VIEWER),
        new Call("GET", run + "/events", null, TestTokens.VIEWER),
        new Call("POST", "/api/plans/needs-params/runs", launchBody(), TestTokens.OPERATOR),
        new Call(
            "POST",
            run + "/steps/wait-for-port/acknowledge",
            "{\"outcome\": \"ok\"}",
            TestTokens.OPERATOR),
        new Call("GET", "/api/tokens", null, TestTokens.ADMIN),
        new Call(
            "POST", "/api/tokens", "{\"name\": \"erin\", \"role\": \"viewer\"}", TestTokens.ADMIN),
        new Call("POST", "/api/tokens/000000000000/revoke", "", TestTokens.ADMIN),
        new Call("GET", "/api/me", null, databaseToken),
        new Call("POST", run + "/cancel", "", TestTokens.OPERATOR));
  }

  private static String launchBody() {
    return "{\"mode\": \"drill\", \"params\": {\"target\": \"x\"}}";
  }

  private void assertRefusedAsUnavailable(TestApi api, List<Call> calls) throws Exception {
    for (Call call : calls) {
      HttpResponse<String> response =
          api.send(call.method(), call.path(), call.body(), call.token());
      assertThat(response.statusCode())
          .as("%s without the record: %s", call, response.body())
          .isEqualTo(503);
      assertThat(response.headers().firstValue("Retry-After"))
          .as("%s says when to try again", call)
          .hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
      JsonNode error = json.readTree(response.body()).path("error");
      assertThat(error.path("status").asInt()).as(response.body()).isEqualTo(503);
      assertThat(error.path("code").asText()).as(response.body()).isEqualTo("record_unavailable");
      assertThat(error.path("message").asText()).as(response.body()).contains("record");
    }
  }

  /** Plans live in memory, configuration tokens in the configuration, live runs in Temporal. */
  private void assertStillAnswersWithoutTheRecord(TestApi api, String id) throws Exception {
    HttpResponse<String> plans = api.get("/api/plans", TestTokens.VIEWER);
    assertThat(plans.statusCode()).as(plans.body()).isEqualTo(200);
    HttpResponse<String> me = api.get("/api/me", TestTokens.VIEWER);
    assertThat(me.statusCode()).as(me.body()).isEqualTo(200);

    HttpResponse<String> run = api.get("/api/runs/" + id, TestTokens.VIEWER);
    assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
    JsonNode view = json.readTree(run.body());
    assertThat(view.path("source").asText()).isEqualTo("live");
    assertThat(view.path("note").asText()).as(run.body()).contains("record");
    assertThat(view.path("status").asText()).isEqualTo("running");
    assertThat(stepOf(view, "wait-for-port").path("status").asText()).isEqualTo("running");
  }

  private static void awaitAnswer(TestApi api, Call call) throws Exception {
    HttpResponse<String> response =
        await(call + " to answer 200 after the record came back")
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(200))
            .until(
                () -> api.send(call.method(), call.path(), call.body(), call.token()),
                answer -> answer.statusCode() == 200);
    assertThat(response.statusCode()).as("%s after the record came back", call).isEqualTo(200);
  }

  @AfterAll
  static void removeTheRecord() throws Exception {
    RECORD.close();
  }
}
