package dev.lifeboat.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.activities.FreePorts;
import dev.lifeboat.activities.TestPostgres;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The field incident of tracker 8.1, replayed through the whole app: a drill launched over the API
 * with a hostile param used by a health check's query on the real PostgreSQL. The table the value
 * names must survive, and the value must be compared as data (so the check passes only because the
 * table holds that very text).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SqlInjectionAppTest {
  @RegisterExtension static final TestPostgres pg = new TestPostgres();

  static final String DATABASE = pg.createDatabase("lifeboat_inject_target");
  static final int TEMPORAL_PORT = FreePorts.next();

  static final DropwizardAppExtension<LifeboatConfiguration> APP =
      TestApp.extension(
          pg,
          "lifeboat_inject",
          plans(),
          ConfigOverride.config("temporal.port", String.valueOf(TEMPORAL_PORT)),
          ConfigOverride.config("temporal.target", "127.0.0.1:" + TEMPORAL_PORT));

  final ObjectMapper json = new ObjectMapper();

  @Test
  void aLaunchedDrillComparesAHostileParamAsDataAndLeavesTheTableIntact() throws Exception {
    pg.execute(DATABASE, "create table x (note text)");
    for (String note : new String[] {"'; drop table x; --", "note; drop table x; --", "plain"}) {
      insert(note);
    }

    for (String hostile : new String[] {"'; drop table x; --", "note; drop table x; --"}) {
      JsonNode run = launchAndWait(hostile);

      assertThat(run.path("status").asText())
          .as("the check found the row holding exactly %s: %s", hostile, run)
          .isEqualTo("succeeded");
      assertThat(rowsOfX()).as("x survived the launch with %s", hostile).isEqualTo(3);
    }
  }

  private JsonNode launchAndWait(String note) throws Exception {
    String body = json.writeValueAsString(Map.of("mode", "drill", "params", Map.of("note", note)));
    HttpResponse<String> launched =
        new TestApi(APP.getLocalPort())
            .post("/api/plans/inject-check/runs", body, TestTokens.OPERATOR);
    assertThat(launched.statusCode()).as(launched.body()).isEqualTo(202);
    String id = json.readTree(launched.body()).path("id").asText();
    return new TestApi(APP.getLocalPort())
        .awaitRun(
            id,
            "its end",
            Duration.ofSeconds(60),
            run -> run.path("status").asText().matches("succeeded|failed|cancelled"));
  }

  private static void insert(String note) throws Exception {
    try (Connection c = pg.connect(DATABASE);
        PreparedStatement s = c.prepareStatement("insert into x values (?)")) {
      s.setString(1, note);
      s.executeUpdate();
    }
  }

  private static int rowsOfX() throws Exception {
    try (Connection c = pg.connect(DATABASE);
        PreparedStatement s =
            c.prepareStatement("select count(*) from pg_tables where tablename = 'x'");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      if (rs.getInt(1) == 0) {
        return -1; // dropped
      }
    }
    try (Connection c = pg.connect(DATABASE);
        PreparedStatement s = c.prepareStatement("select count(*) from x");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** The test plans plus the incident's check, written the way that is safe now: bare. */
  private static Path plans() {
    Path folder = TestPlans.folder();
    String plan =
        """
        name: inject-check
        title: A drill whose check uses a launch param in SQL
        owner: tests
        objectives: {rto: 5m, rpo: 1h}
        params:
          note: {type: string, required: true}
        stages:
          - name: check
            steps:
              - id: note-is-there
                kind: health-check
                sql:
                  server: local
                  database: %s
                  query: select count(*) from x where note = ${params.note}
                  expect: "1"
                timeout: 30s
                retry: {attempts: 1}
        """
            .formatted(DATABASE);
    try {
      Files.writeString(folder.resolve("inject-check.yml"), plan);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return folder;
  }
}
