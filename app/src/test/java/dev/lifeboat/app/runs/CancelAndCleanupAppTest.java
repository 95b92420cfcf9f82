package dev.lifeboat.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.activities.FreePorts;
import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.app.LifeboatConfiguration;
import dev.lifeboat.app.TestApi;
import dev.lifeboat.app.TestApp;
import dev.lifeboat.app.TestPlans;
import dev.lifeboat.app.TestTokens;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Through the whole app on the real PostgreSQL: a drill makes a scratch database (its undo
 * registered first), then runs a statement that would take a minute. Cancelled mid-way, the
 * statement stops within seconds (its activity heartbeats every second and learns of the cancel),
 * the undo drops the scratch database, and the record says who cancelled and how cleanup went.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class CancelAndCleanupAppTest {
  @RegisterExtension static final TestPostgres pg = new TestPostgres();

  static final int TEMPORAL_PORT = FreePorts.next();

  static final DropwizardAppExtension<LifeboatConfiguration> APP =
      TestApp.extension(
          pg,
          "lifeboat_cancel_cleanup",
          plans(),
          ConfigOverride.config("temporal.port", String.valueOf(TEMPORAL_PORT)),
          ConfigOverride.config("temporal.target", "127.0.0.1:" + TEMPORAL_PORT));

  final ObjectMapper json = new ObjectMapper();

  @Test
  void aCancelStopsALongStatementWithinSecondsThenTheUndoDropsTheScratchDatabase()
      throws Exception {
    TestApi api = new TestApi(APP.getLocalPort());
    HttpResponse<String> launched =
        api.post("/api/plans/long-drill/runs", "{\"mode\": \"drill\"}", TestTokens.OPERATOR);
    assertThat(launched.statusCode()).as(launched.body()).isEqualTo(202);
    String id = json.readTree(launched.body()).path("id").asText();
    String scratch = "lb_scratch_" + id;
    api.waitForRun(id, run -> stepStatus(run, "sleep").equals("running"));
    Thread.sleep(1500); // the statement is running on the server
    assertThat(sleeping(scratch)).as("pg_sleep runs on the server").isTrue();

    long asked = System.nanoTime();
    HttpResponse<String> cancel = api.post("/api/runs/" + id + "/cancel", "", TestTokens.OPERATOR);
    assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(202);
    while (sleeping(scratch) && System.nanoTime() - asked < Duration.ofSeconds(30).toNanos()) {
      Thread.sleep(100);
    }
    Duration stopped = Duration.ofNanos(System.nanoTime() - asked);
    JsonNode run = api.waitForRun(id, r -> r.path("status").asText().equals("cancelled"));

    assertThat(stopped)
        .as("from the cancel to the statement's end on the server")
        .isLessThan(Duration.ofSeconds(10));
    assertThat(databaseExists(scratch)).as("the undo dropped " + scratch).isFalse();
    assertThat(run.path("cleanup").asText()).as("%s", run).isEqualTo("complete");
    assertThat(run.path("undos").get(0).path("status").asText()).isEqualTo("succeeded");
    assertThat(run.path("actions").get(0).path("action").asText()).isEqualTo("cancel");
    assertThat(run.path("actions").get(0).path("actor").asText()).isNotBlank();
    List<String> types = new ArrayList<>();
    json.readTree(api.get("/api/runs/" + id + "/events", TestTokens.VIEWER).body())
        .forEach(event -> types.add(event.path("type").asText()));
    assertThat(types)
        .containsSubsequence(
            "undo.registered",
            "step.started",
            "step.failed",
            "undo.started",
            "undo.succeeded",
            "run.cleanup",
            "run.cancelled");
  }

  private static String stepStatus(JsonNode run, String stepId) {
    for (JsonNode step : run.path("steps")) {
      if (step.path("id").asText().equals(stepId)) {
        return step.path("status").asText();
      }
    }
    return "";
  }

  private static boolean sleeping(String database) {
    return count(
            "select count(*) from pg_stat_activity where datname = '"
                + database
                + "' and query like 'select pg_sleep%'")
        > 0;
  }

  private static boolean databaseExists(String database) {
    return count("select count(*) from pg_database where datname = '" + database + "'") > 0;
  }

  private static int count(String sql) {
    return Integer.parseInt(pg.queryText("postgres", sql));
  }

  /** The test plans plus a drill with a scratch database and a statement of a minute. */
  private static Path plans() {
    Path folder = TestPlans.folder();
    String plan =
        """
        name: long-drill
        title: A drill with a scratch database and a long statement
        owner: tests
        objectives: {rto: 5m, rpo: 1h}
        stages:
          - name: make
            steps:
              - id: make-scratch
                kind: sql
                server: local
                statement: create database "lb_scratch_${run.id}"
                retry: {attempts: 1}
                undo:
                  kind: sql
                  server: local
                  statement: drop database if exists "lb_scratch_${run.id}" with (force)
                  timeout: 30s
          - name: work
            steps:
              - id: sleep
                kind: sql
                server: local
                database: lb_scratch_${run.id}
                statement: select pg_sleep(60)
                retry: {attempts: 1}
        """;
    try {
      Files.writeString(folder.resolve("long-drill.yml"), plan);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return folder;
  }
}
