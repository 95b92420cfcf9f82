package dev.lifeboat.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.app.LifeboatConfiguration;
import dev.lifeboat.app.SampleDump;
import dev.lifeboat.app.TestApi;
import dev.lifeboat.app.TestApp;
import dev.lifeboat.app.TestTokens;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The whole service: real Temporal (embedded, real time), real PostgreSQL, real HTTP. */
@ExtendWith(DropwizardExtensionsSupport.class)
class LifeboatAppTest {
  @RegisterExtension static final TestPostgres pg = new TestPostgres();

  static final DropwizardAppExtension<LifeboatConfiguration> APP =
      TestApp.extension(
          pg,
          "lifeboat_it",
          ConfigOverride.config("postgresServers.local.host", TestPostgres.server().host()),
          ConfigOverride.config(
              "postgresServers.local.port", String.valueOf(TestPostgres.server().port())),
          ConfigOverride.config("postgresServers.local.user", TestPostgres.server().user()));

  final ObjectMapper json = new ObjectMapper();

  @Test
  void runsTheExamplePlanEndToEnd(@TempDir Path backups) throws Exception {
    Path dump = SampleDump.create(pg, backups, 1000);

    HttpResponse<String> launched =
        post(
            "/api/plans/example-drill/runs",
            "{\"mode\": \"drill\", \"params\": {\"backup_path\": \"" + dump + "\"}}");
    assertThat(launched.statusCode()).as(launched.body()).isEqualTo(202);
    String id = json.readTree(launched.body()).path("id").asText();
    pg.dropAfterwards("drill_shop_" + id); // the drill restores into it
    assertThat(launched.headers().firstValue("Location").orElseThrow()).endsWith("/api/runs/" + id);
    assertThat(json.readTree(launched.body()).path("launcher").asText())
        .as("the launcher is the token's name")
        .isEqualTo("test-operator");

    JsonNode run = waitFor(id, r -> r.path("status").asText().matches("succeeded|failed"));
    assertThat(run.path("status").asText())
        .as("the example drill should succeed; run was: %s", run.toPrettyString())
        .isEqualTo("succeeded");
    assertThat(run.path("steps")).hasSize(5);
    run.path("steps")
        .forEach(
            step ->
                assertThat(step.path("status").asText())
                    .as("step %s", step.path("id"))
                    .isEqualTo("succeeded"));

    JsonNode events = json.readTree(get("/api/runs/" + id + "/events").body());
    assertThat(events.get(0).path("type").asText()).isEqualTo("run.started");
    assertThat(events.get(events.size() - 2).path("type").asText()).isEqualTo("run.succeeded");
    assertThat(events.get(events.size() - 1).path("type").asText()).isEqualTo("run.verdict");
    assertThat(run.path("verdict").asText())
        .as("a fresh dump restored well within 15m: %s", run.path("reasons"))
        .isEqualTo("pass");
    assertThat(run.path("measured").path("rtoStep").asText()).isEqualTo("restore-shop");
    for (int i = 0; i < events.size(); i++) {
      assertThat(events.get(i).path("seq").asLong()).as("event seq without gaps").isEqualTo(i + 1);
    }

    assertThat(stepOf(run, "count-orders").path("summary").asText())
        .as("orders restored into the drill database")
        .contains("healthy (1000)");
    assertThat(run.path("cleanup").asText()).isEqualTo("complete");
    try (Connection postgres = pg.connect("postgres");
        ResultSet rows =
            postgres
                .createStatement()
                .executeQuery(
                    "select count(*) from pg_database where datname = 'drill_shop_" + id + "'")) {
      rows.next();
      assertThat(rows.getInt(1)).as("the drill's undo dropped its scratch database").isZero();
    }
  }

  @Test
  void recordsAFailedStepWithTheMeasuredValue(@TempDir Path backups) throws Exception {
    Path dump = SampleDump.create(pg, backups, 10);

    String id =
        json.readTree(
                post(
                        "/api/plans/example-drill/runs",
                        "{\"mode\": \"drill\", \"params\": {\"backup_path\": \""
                            + dump
                            + "\", \"expected_orders\": 1000}}")
                    .body())
            .path("id")
            .asText();
    pg.dropAfterwards("drill_shop_" + id); // the drill restores into it

    JsonNode run = waitFor(id, r -> r.path("status").asText().matches("succeeded|failed"));
    assertThat(run.path("status").asText()).isEqualTo("failed");
    JsonNode countOrders = stepOf(run, "count-orders");
    assertThat(countOrders.path("status").asText()).isEqualTo("failed");
    assertThat(countOrders.path("summary").asText()).contains("1000").contains("10");
    assertThat(stepOf(run, "tell-the-team").path("status").asText())
        .as("the finally stage tells the team even after an aborting failure")
        .isEqualTo("succeeded");
  }

  @Test
  void cancelsARunningRunAndRecordsIt() throws Exception {
    String id =
        json.readTree(post("/api/plans/waits-forever/runs", "{\"mode\": \"drill\"}").body())
            .path("id")
            .asText();
    waitFor(id, r -> stepOf(r, "wait-for-port").path("status").asText().equals("running"));

    HttpResponse<String> cancel = post("/api/runs/" + id + "/cancel", "");
    assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(202);

    JsonNode run = waitFor(id, r -> r.path("status").asText().equals("cancelled"));
    run.path("steps")
        .forEach(step -> assertThat(step.path("status").asText()).isNotIn("running", "pending"));
    JsonNode events = json.readTree(get("/api/runs/" + id + "/events").body());
    assertThat(events.get(events.size() - 2).path("type").asText()).isEqualTo("run.cancelled");
    assertThat(events.get(events.size() - 1).path("message").asText())
        .startsWith("verdict: fail — the run was cancelled");

    assertThat(run.path("actions").get(0).path("action").asText()).isEqualTo("cancel");
    assertThat(run.path("actions").get(0).path("actor").asText())
        .as("who cancelled comes from the token")
        .isEqualTo("test-operator");

    HttpResponse<String> again = post("/api/runs/" + id + "/cancel", "");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("already ended as cancelled");
  }

  @Test
  void listsPlansAndRunsNewestFirst() throws Exception {
    JsonNode plans = json.readTree(get("/api/plans").body());
    assertThat(plans.path("plans").findParents("owner").stream().map(p -> p.path("name").asText()))
        .containsExactly(
            "example-drill",
            "needs-approval",
            "needs-params",
            "pauses",
            "undoable",
            "waits-forever");
    JsonNode plan = json.readTree(get("/api/plans/example-drill").body());
    assertThat(plan.path("rpo").asText()).isEqualTo("24h");
    assertThat(plan.path("text").asText()).contains("kind: restore-data");

    String first = launchNeedsParams();
    String second = launchNeedsParams();
    JsonNode page = json.readTree(get("/api/runs?limit=2").body());
    assertThat(page.path("runs").findValuesAsText("id")).containsExactly(second, first);
    assertThat(page.path("limit").asInt()).isEqualTo(2);
  }

  @Test
  void aTokenMadeByAnAdminActsUnderItsOwnNameUntilRevoked() throws Exception {
    TestApi api = new TestApi(APP.getLocalPort());
    HttpResponse<String> created =
        api.post("/api/tokens", "{\"name\": \"alice\", \"role\": \"operator\"}", TestTokens.ADMIN);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode token = json.readTree(created.body());
    String alice = token.path("token").asText();
    assertThat(token.path("createdBy").asText()).isEqualTo("test-admin");

    JsonNode me = json.readTree(api.get("/api/me", alice).body());
    assertThat(me.path("name").asText()).isEqualTo("alice");
    assertThat(me.path("role").asText()).isEqualTo("operator");
    HttpResponse<String> launched =
        api.post(
            "/api/plans/needs-params/runs",
            "{\"mode\": \"drill\", \"params\": {\"target\": \"x\"}}",
            alice);
    assertThat(json.readTree(launched.body()).path("launcher").asText()).isEqualTo("alice");

    String listing = api.get("/api/tokens", TestTokens.ADMIN).body();
    assertThat(listing)
        .as("a listing shows neither tokens nor their hashes")
        .contains("\"alice\"")
        .doesNotContain(alice.substring(16))
        .doesNotContain(dev.lifeboat.activities.Sha256.hex(alice))
        .doesNotContain("\"token\"")
        .contains("\"source\":\"configuration\"");

    HttpResponse<String> revoked =
        api.post("/api/tokens/" + token.path("id").asText() + "/revoke", "", TestTokens.ADMIN);
    assertThat(json.readTree(revoked.body()).path("revokedBy").asText()).isEqualTo("test-admin");
    assertThat(api.get("/api/me", alice).statusCode()).isEqualTo(401);
  }

  @Test
  void reportsTemporalAndDatabaseHealthOnTheAdminPort() throws Exception {
    HttpResponse<String> health =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + APP.getAdminPort() + "/healthcheck"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
    assertThat(json.readTree(health.body()).has("temporal")).isTrue();
    assertThat(json.readTree(health.body()).has("postgresql")).isTrue();
  }

  private String launchNeedsParams() throws Exception {
    HttpResponse<String> response =
        post("/api/plans/needs-params/runs", "{\"mode\":\"drill\",\"params\":{\"target\":\"x\"}}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return json.readTree(response.body()).path("id").asText();
  }

  static JsonNode stepOf(JsonNode run, String id) {
    for (JsonNode step : run.path("steps")) {
      if (step.path("id").asText().equals(id)) {
        return step;
      }
    }
    throw new AssertionError("run has no step " + id + ": " + run);
  }

  JsonNode waitFor(String id, Predicate<JsonNode> condition) {
    return new TestApi(APP.getLocalPort())
        .awaitRun(id, "the expected state", Duration.ofSeconds(90), condition);
  }

  /** Reads as a viewer: enough for every GET. */
  HttpResponse<String> get(String path) throws Exception {
    return new TestApi(APP.getLocalPort()).get(path, TestTokens.VIEWER);
  }

  /** Acts as an operator: drills are an operator's to launch and cancel. */
  HttpResponse<String> post(String path, String body) throws Exception {
    return new TestApi(APP.getLocalPort()).post(path, body, TestTokens.OPERATOR);
  }
}
