package dev.lifeboat.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.activities.FreePorts;
import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.activities.secrets.EchoServer;
import dev.lifeboat.activities.secrets.SecretLeakScanner;
import dev.lifeboat.app.runs.TemporalRunLauncher;
import dev.lifeboat.workflow.CapturedLogs;
import dev.lifeboat.workflow.WorkflowHistoryTexts;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole app uses a known secret in a real run and then everything it keeps or shows is searched
 * for it, in every spelling (raw, URL-encoded, JSON-escaped, Base64): the Temporal history of the
 * run, the logs written while it ran, every row of every table in Lifeboat's database, and every
 * API response about it. The echoing server proves the secret was really sent, so the search cannot
 * pass because nothing happened.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SecretLeakAppTest {
  static final String SECRET = "app-s3cret+/Zq9=";
  static final EchoServer SERVER = new EchoServer();
  static final Path SECRET_FILE = secretFile();
  static final int TEMPORAL_PORT = FreePorts.next();

  @RegisterExtension static final TestPostgres pg = new TestPostgres();

  static final DropwizardAppExtension<LifeboatConfiguration> APP =
      TestApp.extension(
          pg,
          "lifeboat_leak",
          plans(),
          ConfigOverride.config("temporal.port", String.valueOf(TEMPORAL_PORT)),
          ConfigOverride.config("temporal.target", "127.0.0.1:" + TEMPORAL_PORT));

  static CapturedLogs logs;
  final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void captureLogs() {
    // After the app started: Dropwizard resets logging when it boots.
    logs = CapturedLogs.start("dev.lifeboat", "io.temporal");
  }

  @AfterAll
  static void stop() {
    logs.close();
    SERVER.close();
  }

  @Test
  void aRunUsingASecretLeavesNoTraceOfItAnywhere() throws Exception {
    Map<String, String> texts = new LinkedHashMap<>();
    HttpResponse<String> launched =
        send("POST", "/api/plans/leak-check/runs", "{\"mode\":\"drill\"}");
    texts.put("API launch response", launched.body());
    assertThat(launched.statusCode())
        .as("%s; plans: %s", launched.body(), send("GET", "/api/plans", null).body())
        .isEqualTo(202);
    String id = json.readTree(launched.body()).path("id").asText();

    JsonNode run = waitForEnd(id);
    assertThat(run.path("status").asText())
        .as(run.toString())
        .isIn("succeeded", "succeeded_with_failures", "failed");
    assertThat(SERVER.received())
        .as("the server got the secret in the header, the URL and the webhook's path")
        .anySatisfy(seen -> assertThat(seen).contains("Authorization: Bearer " + SECRET))
        .anySatisfy(seen -> assertThat(seen).startsWith("POST /ok/hook-"));

    for (String path :
        List.of(
            "/api/plans",
            "/api/plans/leak-check",
            "/api/runs",
            "/api/runs/" + id,
            "/api/runs/" + id + "/events",
            "/api/me",
            "/api/tokens")) {
      HttpResponse<String> response = send("GET", path, null);
      assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
      texts.put("API GET " + path, response.body());
    }
    texts.putAll(tables());
    texts.putAll(history(id));
    texts.putAll(logs.texts());

    assertThat(texts.get("API GET /api/runs/" + id + "/events"))
        .as("the record says what failed, with the secret redacted")
        .contains("[redacted:file:" + SECRET_FILE + "]");
    new SecretLeakScanner(SECRET).assertAbsentFrom(texts);
  }

  private JsonNode waitForEnd(String id) throws Exception {
    return await("run " + id + " to end")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> json.readTree(send("GET", "/api/runs/" + id, null).body()),
            run -> !run.path("status").asText().matches("pending|running"));
  }

  /** Every row of every table in Lifeboat's database, each as PostgreSQL's text of the row. */
  private static Map<String, String> tables() throws Exception {
    Map<String, String> texts = new LinkedHashMap<>();
    var database = APP.getConfiguration().getDatabase();
    try (Connection c =
            DriverManager.getConnection(
                database.getUrl(), database.getUser(), database.getPassword());
        Statement s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery(
              """
              SELECT quote_ident(table_schema) || '.' || quote_ident(table_name)
              FROM information_schema.tables
              WHERE table_schema NOT IN ('pg_catalog', 'information_schema')
                AND table_type = 'BASE TABLE'
              """)) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      assertThat(tables).as("the scan must see the record").contains("public.run_events");
      for (String table : tables) {
        StringBuilder rows = new StringBuilder();
        try (ResultSet rs = s.executeQuery("SELECT t::text FROM " + table + " t")) {
          while (rs.next()) {
            rows.append(rs.getString(1)).append('\n');
          }
        }
        texts.put("table " + table, rows.toString());
      }
    }
    return texts;
  }

  private static Map<String, String> history(String runId) {
    WorkflowServiceStubs service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder()
                .setTarget("127.0.0.1:" + TEMPORAL_PORT)
                .build());
    try {
      WorkflowClient client =
          WorkflowClient.newInstance(
              service,
              WorkflowClientOptions.newBuilder()
                  .setNamespace(APP.getConfiguration().getTemporal().getNamespace())
                  .build());
      Map<String, String> texts =
          WorkflowHistoryTexts.of(client, TemporalRunLauncher.workflowId(runId));
      assertThat(texts).as("the run's history was read").hasSizeGreaterThan(5);
      return texts;
    } finally {
      service.shutdownNow();
    }
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    return new TestApi(APP.getLocalPort()).send(method, path, body, TestTokens.ADMIN);
  }

  private static Path secretFile() {
    try {
      Path file = Files.createTempFile("lifeboat-secret", ".txt");
      Files.writeString(file, SECRET + "\n");
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The test plans plus one that sends the secret three ways: a header a server echoes back (ok), a
   * URL path a server rejects with the echo (fails, so the echo lands in a failure message), and a
   * webhook URL.
   */
  private static Path plans() {
    Path folder = TestPlans.folder();
    String base = SERVER.base();
    String plan =
        """
        name: leak-check
        title: A run that uses a secret
        owner: tests
        objectives: {rto: 5m, rpo: 1h}
        secrets:
          token: file:%s
        stages:
          - name: use
            steps:
              - id: echoed-header
                kind: health-check
                http: {url: "%s/echo/status", headers: {Authorization: "Bearer ${secrets.token}"}}
                timeout: 30s
              - id: rejected-path
                kind: health-check
                http: {url: "%s/reject/${secrets.token}", expect_status: 200}
                timeout: 30s
                on_failure: continue
              - id: hook
                kind: notify
                channel: webhook
                url: "%s/ok/hook-${secrets.token}"
                message: "run ${run.id} used a secret"
                timeout: 30s
        """
            .formatted(SECRET_FILE, base, base, base);
    try {
      Files.writeString(folder.resolve("leak-check.yml"), plan);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return folder;
  }
}
