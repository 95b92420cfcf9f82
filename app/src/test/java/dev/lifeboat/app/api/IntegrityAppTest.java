package dev.lifeboat.app.api;

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
 * {@code GET /api/runs/{id}/integrity} over a run the service really ran and recorded in
 * PostgreSQL: intact with the chain's head, then named as edited once a row is changed in SQL.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class IntegrityAppTest {
  @RegisterExtension static final TestPostgres pg = new TestPostgres();

  static final String DATABASE = pg.createDatabase("lifeboat_integrity_api");

  static final DropwizardAppExtension<LifeboatConfiguration> APP =
      TestApp.withRecordAt(pg.url(DATABASE), TestPostgres.server().user(), plans());

  final ObjectMapper json = new ObjectMapper();
  final TestApi api = new TestApi(APP.getLocalPort());

  @Test
  void aRecordedRunIsIntactUntilARowIsEditedInSql() throws Exception {
    HttpResponse<String> launched =
        api.post("/api/plans/say-hello/runs", "{\"mode\": \"drill\"}", TestTokens.OPERATOR);
    assertThat(launched.statusCode()).as(launched.body()).isEqualTo(202);
    String id = json.readTree(launched.body()).path("id").asText();
    api.waitForRun(id, run -> run.path("status").asText().equals("succeeded"));
    api.awaitRecorded(id, "run.succeeded");

    JsonNode intact = integrity(id, 200);
    assertThat(intact.path("status").asText()).isEqualTo("intact");
    assertThat(intact.path("events").asLong()).isGreaterThanOrEqualTo(4);
    assertThat(intact.path("head").asText())
        .isEqualTo(
            pg.queryText(
                DATABASE,
                "select sha256 from run_events where run_id = '"
                    + id
                    + "' order by seq desc limit 1"));
    assertThat(intact.has("broken")).isFalse();

    pg.execute(
        DATABASE,
        "set session_replication_role = replica",
        "update run_events set message = 'nothing happened' where run_id = '"
            + id
            + "' and seq = 2");

    JsonNode broken = integrity(id, 200);
    assertThat(broken.path("status").asText()).isEqualTo("broken");
    assertThat(broken.path("broken").path("seq").asLong()).isEqualTo(2);
    assertThat(broken.path("broken").path("kind").asText()).isEqualTo("edited");
    assertThat(broken.path("broken").path("message").asText()).startsWith("record 2 was changed");
  }

  @Test
  void anUnknownRunIs404AndABadIdIs400() throws Exception {
    JsonNode unknown = integrity("00000000-0000-0000-0000-000000000000", 404);
    assertThat(unknown.path("error").path("code").asText()).isEqualTo("unknown_run");
    JsonNode bad = integrity("not-a-run", 400);
    assertThat(bad.path("error").path("code").asText()).isEqualTo("bad_run_id");
  }

  private JsonNode integrity(String id, int status) throws Exception {
    HttpResponse<String> answer = api.get("/api/runs/" + id + "/integrity", TestTokens.VIEWER);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    return json.readTree(answer.body());
  }

  private static Path plans() {
    try {
      Path folder = TestPlans.folder();
      Files.writeString(
          folder.resolve("say-hello.yml"), TestPlans.oneStep("say-hello", "Says hello"));
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
