package dev.lifeboat.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.app.LifeboatConfiguration;
import dev.lifeboat.app.TestApi;
import dev.lifeboat.app.TestApp;
import dev.lifeboat.app.TestPlans;
import dev.lifeboat.app.TestTokens;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 11.2's last piece through the whole app on the real PostgreSQL: a recovery makes a table
 * (its undo, dropping it, registered first) and goes on waiting; it runs no undo by itself, but a
 * commander asks for that step's undo with a reason, the table is gone, and the record says who
 * asked and why. Every refusal is a 4xx naming why.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class CommanderUndoAppTest {
  @RegisterExtension static final TestPostgres pg = new TestPostgres();

  static final String SHOP = pg.createDatabase("lb_undo_shop");

  static final DropwizardAppExtension<LifeboatConfiguration> APP =
      TestApp.extension(pg, "lifeboat_undo", plans());

  final ObjectMapper json = new ObjectMapper();
  final TestApi api = new TestApi(APP.getLocalPort());

  @Test
  void aCommanderAsksForTheUndoOfAStepAndTheTableItMadeIsGone() throws Exception {
    String id = launch("recovery", TestTokens.COMMANDER);
    JsonNode waiting = api.waitForRun(id, run -> status(run, "hold").equals("running"));
    assertThat(tableExists()).as("the recovery made the table").isTrue();
    assertThat(waiting.path("undos").get(0).path("status").asText())
        .as("a recovery runs no undo by itself")
        .isEqualTo("pending");

    assertRefused(undo(id, "make-table", "{}", TestTokens.COMMANDER), 400, "bad_undo");
    assertRefused(undo(id, "make-table", reason("x"), TestTokens.OPERATOR), 403, "forbidden");
    assertRefused(undo(id, "nope", reason("x"), TestTokens.COMMANDER), 404, "unknown_step");
    HttpResponse<String> noUndo = undo(id, "hold", reason("x"), TestTokens.COMMANDER);
    assertRefused(noUndo, 409, "not_undone");
    assertThat(noUndo.body()).contains("step hold has no undo");
    HttpResponse<String> notStarted = undo(id, "after", reason("x"), TestTokens.COMMANDER);
    assertRefused(notStarted, 409, "not_undone");
    assertThat(notStarted.body()).contains("was never registered");

    HttpResponse<String> asked =
        undo(id, "make-table", reason("wrong copy, start again"), TestTokens.COMMANDER);
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
    assertThat(json.readTree(asked.body()).path("status").asText()).isEqualTo("running");
    api.waitForRun(id, run -> run.path("undos").get(0).path("status").asText().equals("succeeded"));
    assertThat(tableExists()).as("the undo dropped the table").isFalse();
    HttpResponse<String> twice = undo(id, "make-table", reason("again"), TestTokens.ADMIN);
    assertRefused(twice, 409, "not_undone");
    assertThat(twice.body()).contains("already ran");

    assertThat(api.post("/api/runs/" + id + "/cancel", "", TestTokens.COMMANDER).statusCode())
        .isEqualTo(202);
    JsonNode ended =
        api.waitForRun(
            id,
            run ->
                run.path("status").asText().equals("cancelled") && !run.path("live").asBoolean());
    JsonNode undone = ended.path("undos").get(0);
    assertThat(undone.path("status").asText())
        .as("read back from the record")
        .isEqualTo("succeeded");
    assertThat(undone.path("requestedBy").asText()).isEqualTo("test-commander");
    assertThat(undone.path("reason").asText()).isEqualTo("wrong copy, start again");
    JsonNode events =
        json.readTree(api.get("/api/runs/" + id + "/events", TestTokens.VIEWER).body());
    assertThat(events.toString())
        .contains("undo of make-table, asked for by test-commander: wrong copy, start again");

    HttpResponse<String> afterwards = undo(id, "make-table", reason("x"), TestTokens.COMMANDER);
    assertRefused(afterwards, 409, "run_ended");
    assertThat(afterwards.body()).contains("only available while the recovery runs");
  }

  @Test
  void aDrillRunsItsUndosByItselfSoAskingIsRefused() throws Exception {
    // Drills of the plan may overlap the recovery test's only after it ended: one plan per test.
    String id = launchDrill();
    api.waitForRun(id, run -> status(run, "hold").equals("running"));
    HttpResponse<String> refused = undo(id, "make-table", reason("x"), TestTokens.COMMANDER);
    assertRefused(refused, 409, "drill_undoes_itself");
    assertThat(api.post("/api/runs/" + id + "/cancel", "", TestTokens.OPERATOR).statusCode())
        .isEqualTo(202);
    JsonNode ended = api.waitForRun(id, run -> run.path("status").asText().equals("cancelled"));
    assertThat(ended.path("cleanup").asText()).isEqualTo("complete");
  }

  private String launch(String mode, String token) throws Exception {
    HttpResponse<String> launched =
        api.post("/api/plans/undo-on-request/runs", "{\"mode\": \"" + mode + "\"}", token);
    assertThat(launched.statusCode()).as(launched.body()).isEqualTo(202);
    return json.readTree(launched.body()).path("id").asText();
  }

  private String launchDrill() throws Exception {
    HttpResponse<String> launched =
        api.post("/api/plans/undo-in-drill/runs", "{\"mode\": \"drill\"}", TestTokens.OPERATOR);
    assertThat(launched.statusCode()).as(launched.body()).isEqualTo(202);
    return json.readTree(launched.body()).path("id").asText();
  }

  private HttpResponse<String> undo(String run, String step, String body, String token)
      throws Exception {
    return api.post("/api/runs/" + run + "/steps/" + step + "/undo", body, token);
  }

  private static String reason(String why) {
    return "{\"reason\": \"" + why + "\"}";
  }

  private void assertRefused(HttpResponse<String> response, int status, String code)
      throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(json.readTree(response.body()).path("error").path("code").asText())
        .as(response.body())
        .isEqualTo(code);
  }

  private static String status(JsonNode run, String stepId) {
    for (JsonNode step : run.path("steps")) {
      if (step.path("id").asText().equals(stepId)) {
        return step.path("status").asText();
      }
    }
    return "";
  }

  private static boolean tableExists() {
    return pg.queryText(SHOP, "select count(*) from pg_tables where tablename = 'orders_copy'")
        .equals("1");
  }

  /** The test plans plus one that makes a table, undone by dropping it, then waits. */
  private static Path plans() {
    Path folder = TestPlans.folder();
    try {
      for (String name : new String[] {"undo-on-request", "undo-in-drill"}) {
        String table = name.equals("undo-on-request") ? "orders_copy" : "drill_orders_copy";
        Files.writeString(
            folder.resolve(name + ".yml"),
            """
            name: %s
            title: Makes a table, then waits
            owner: tests
            objectives: {rto: 5m, rpo: 1h}
            stages:
              - name: make
                steps:
                  - id: make-table
                    kind: sql
                    server: local
                    database: %s
                    statement: create table %s (id int)
                    retry: {attempts: 1}
                    undo:
                      kind: sql
                      server: local
                      database: %s
                      statement: drop table if exists %s
                      timeout: 30s
              - name: hold
                steps:
                  - {id: hold, kind: wait, duration: 10m}
              - name: after
                steps:
                  - id: after
                    kind: sql
                    server: local
                    database: %s
                    statement: select 1
                    undo: {kind: sql, server: local, database: %s, statement: select 2}
            """
                .formatted(name, SHOP, table, SHOP, table, SHOP, SHOP));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return folder;
  }
}
