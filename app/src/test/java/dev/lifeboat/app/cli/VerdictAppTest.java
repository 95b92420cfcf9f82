package dev.lifeboat.app.cli;

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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Measured objectives and the verdict through the whole service (real PostgreSQL, pg_dump, embedded
 * Temporal): a drill that verifies a fresh dump and restores it within its RTO passes; the same
 * plan with an RTO it cannot meet fails saying by how much; both verdicts are in the run, its
 * events and the filtered list, and in the last line {@code lifeboat run} prints.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VerdictAppTest {
  @RegisterExtension static final TestPostgres pg = new TestPostgres();

  static final DropwizardAppExtension<LifeboatConfiguration> APP =
      TestApp.extension(
          pg,
          "lifeboat_verdict",
          plans(),
          ConfigOverride.config("postgresServers.local.host", TestPostgres.server().host()),
          ConfigOverride.config(
              "postgresServers.local.port", String.valueOf(TestPostgres.server().port())),
          ConfigOverride.config("postgresServers.local.user", TestPostgres.server().user()));

  static Path dump;
  static String passed;
  static String failed;

  final ObjectMapper json = new ObjectMapper();
  final TestApi api = new TestApi(APP.getLocalPort());

  /** One plan: verify the dump, restore it (service back), count what came back; an RTO of 5m. */
  static String plan(String name, String rto) {
    return """
        name: %s
        title: Restore drill judged on its objectives
        owner: tests
        objectives: {rto: %s, rpo: 1h}
        params:
          backup_path: {type: string, required: true}
        stages:
          - name: verify
            steps:
              - {id: verify-dump, kind: verify-backup, path: "${params.backup_path}"}
          - name: restore
            steps:
              - id: restore-shop
                kind: restore-data
                source: ${params.backup_path}
                server: local
                database: verdict_${run.id}
                restores_service: true
                undo:
                  kind: sql
                  server: local
                  statement: drop database if exists "verdict_${run.id}" with (force)
          - name: check
            steps:
              - id: count-orders
                kind: health-check
                sql: {server: local, database: "verdict_${run.id}", query: select count(*) from orders, expect: "20"}
        """
        .formatted(name, rto);
  }

  static Path plans() {
    try {
      Path folder = Files.createTempDirectory("lifeboat-verdicts");
      Files.writeString(folder.resolve("restore-judged.yml"), plan("restore-judged", "5m"));
      Files.writeString(folder.resolve("restore-too-slow.yml"), plan("restore-too-slow", "1ms"));
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @BeforeAll
  static void dumpTheShop() throws Exception {
    dump = SampleDump.create(pg, Files.createTempDirectory("lifeboat-verdict-dump"), 20);
  }

  private String launch(String plan) throws Exception {
    HttpResponse<String> launched =
        api.post(
            "/api/plans/" + plan + "/runs",
            "{\"mode\": \"drill\", \"params\": {\"backup_path\": \"" + dump + "\"}}",
            TestTokens.OPERATOR);
    assertThat(launched.statusCode()).as(launched.body()).isEqualTo(202);
    return json.readTree(launched.body()).path("id").asText();
  }

  private JsonNode ended(String id) {
    return api.awaitRun(
        id,
        "its end",
        Duration.ofSeconds(90),
        run -> run.path("status").asText().matches("succeeded.*|failed|cancelled"));
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> response = api.get(path, TestTokens.VIEWER);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  /** What {@code lifeboat run} prints last for the run as the API shows it. */
  private static String lastLines(JsonNode run) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      new RunFollower(new PrintStream(out, true, StandardCharsets.UTF_8))
          .follow(() -> run, Duration.ofSeconds(5));
      return out.toString(StandardCharsets.UTF_8).trim();
    } catch (RunFollower.RunDidNotSucceed didNot) {
      return didNot.getMessage();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  @Order(1)
  void aDrillThatMetItsObjectivesPasses() throws Exception {
    passed = launch("restore-judged");
    JsonNode run = ended(passed);

    assertThat(run.path("status").asText()).as(run.toPrettyString()).isEqualTo("succeeded");
    assertThat(run.path("verdict").asText()).as(run.toPrettyString()).isEqualTo("pass");
    assertThat(run.path("reasons")).isEmpty();
    assertThat(run.path("objectives").path("rto").asText()).isEqualTo("5m");
    assertThat(run.path("objectives").path("rpo").asText()).isEqualTo("1h");
    JsonNode measured = run.path("measured");
    assertThat(measured.path("rtoStep").asText()).isEqualTo("restore-shop");
    assertThat(measured.path("rto").asText()).matches("(\\d+s)?(\\d+ms)?").isNotEmpty();
    assertThat(measured.path("rpo").asText())
        .as("the dump was just made: seconds old by its own header")
        .matches("(\\d+s)?(\\d+ms)?")
        .isNotEmpty();
    assertThat(measured.path("rpoBackup").asText())
        .startsWith(dump.toString())
        .contains("step verify-dump")
        .contains("by its dump header");

    JsonNode events = get("/api/runs/" + passed + "/events");
    JsonNode last = events.get(events.size() - 1);
    assertThat(events.get(events.size() - 2).path("type").asText()).isEqualTo("run.succeeded");
    assertThat(last.path("type").asText()).isEqualTo("run.verdict");
    assertThat(last.path("seq").asLong()).isEqualTo(events.size());
    assertThat(last.path("message").asText()).isEqualTo("verdict: pass");
    JsonNode detail = last.path("detail"); // served as the JSON it is, not a string of it
    assertThat(detail.path("verdict").asText()).isEqualTo("pass");
    assertThat(detail.path("measured").path("rtoStep").asText()).isEqualTo("restore-shop");
    assertThat(detail.path("measured").path("rto").asText())
        .isEqualTo(measured.path("rto").asText());
    assertThat(detail.path("objectives").path("rto").asText()).isEqualTo("5m");

    assertThat(lastLines(run))
        .endsWith(
            "verdict: pass — RTO "
                + measured.path("rto").asText()
                + " (objective 5m), RPO "
                + measured.path("rpo").asText()
                + " (objective 1h)");
  }

  @Test
  @Order(2)
  void aDrillSlowerThanItsRtoFailsSayingByHowMuch() throws Exception {
    failed = launch("restore-too-slow");
    JsonNode run = ended(failed);

    assertThat(run.path("status").asText())
        .as("every step succeeded: only the objective was missed")
        .isEqualTo("succeeded");
    assertThat(run.path("verdict").asText()).as(run.toPrettyString()).isEqualTo("fail");
    assertThat(run.path("reasons")).hasSize(1);
    JsonNode reason = run.path("reasons").get(0);
    assertThat(reason.path("reason").asText()).isEqualTo("rto_exceeded");
    assertThat(reason.path("objective").asText()).isEqualTo("1ms");
    assertThat(reason.path("measured").asText())
        .isEqualTo(run.path("measured").path("rto").asText());
    assertThat(reason.path("message").asText())
        .startsWith("RTO exceeded by ")
        .endsWith(" (achieved " + run.path("measured").path("rto").asText() + ", objective 1ms)");

    assertThat(lastLines(run))
        .as("lifeboat run exits non-zero and says why")
        .endsWith("verdict: fail — " + reason.path("message").asText());
  }

  @Test
  @Order(3)
  void theListFiltersByPlanModeAndVerdict() throws Exception {
    assertThat(ids(get("/api/runs?plan=restore-judged&mode=drill&verdict=pass")))
        .containsExactly(passed);
    assertThat(ids(get("/api/runs?mode=drill&verdict=fail"))).containsExactly(failed);
    assertThat(ids(get("/api/runs?plan=restore-judged&verdict=fail"))).isEmpty();
    assertThat(ids(get("/api/runs?mode=recovery"))).isEmpty();
    JsonNode both = get("/api/runs?mode=drill");
    assertThat(ids(both)).containsExactly(failed, passed);
    assertThat(both.path("total").asLong()).isEqualTo(2);
    assertThat(both.path("runs").get(1).path("verdict").asText())
        .as("lists show each run's verdict")
        .isEqualTo("pass");
    assertThat(
            get("/api/runs?verdict=fail")
                .path("runs")
                .get(0)
                .path("reasons")
                .get(0)
                .path("reason")
                .asText())
        .isEqualTo("rto_exceeded");
  }

  @Test
  @Order(4)
  void badFiltersAreRefusedNamingTheParameterAndWhatIsAllowed() throws Exception {
    assertRefused("verdict=maybe", "bad_verdict", "verdict must be one of pass, fail; got 'maybe'");
    assertRefused(
        "mode=DRILL",
        "bad_mode",
        "mode must be one of tabletop, drill, recovery, precheck; got 'DRILL'");
    assertRefused(
        "plan=x%27%20or%201=1",
        "bad_plan",
        "plan must be a plan name (1-63 lower-case letters, digits and dashes); got 'x' or 1=1'");
  }

  private void assertRefused(String query, String code, String message) throws Exception {
    HttpResponse<String> refused = api.get("/api/runs?" + query, TestTokens.VIEWER);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    JsonNode error = json.readTree(refused.body()).path("error");
    assertThat(error.path("code").asText()).isEqualTo(code);
    assertThat(error.path("message").asText()).isEqualTo(message);
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.path("runs").forEach(run -> ids.add(run.path("id").asText()));
    return ids;
  }
}
