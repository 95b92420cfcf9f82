package dev.lifeboat.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.lifeboat.activities.FreePorts;
import dev.lifeboat.app.LifeboatApplication;
import dev.lifeboat.app.LifeboatConfiguration;
import dev.lifeboat.app.RestartablePostgres;
import dev.lifeboat.app.TestApi;
import dev.lifeboat.app.TestTokens;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The record database restarts in the middle of a run: the whole app (embedded Temporal, real HTTP)
 * on a PostgreSQL this test owns, stopped for ten seconds while a plan of ten paced steps runs. The
 * run must end as if nothing happened, with every event in the record exactly once, and the admin
 * port must say the record is failing while it is.
 */
class RecordOutageTest {
  static final int STEPS = 10;
  static final Duration PACE = Duration.ofMillis(700);
  static final Duration OUTAGE = Duration.ofSeconds(10);

  final ObjectMapper json = new ObjectMapper();
  final int temporalPort = FreePorts.next();
  final AtomicInteger requests = new AtomicInteger();
  RestartablePostgres record;
  HttpServer paced;
  DropwizardTestSupport<LifeboatConfiguration> app;

  @BeforeEach
  void start(@TempDir Path runbooks) throws Exception {
    record = RestartablePostgres.started();
    paced = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    paced.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          try {
            Thread.sleep(PACE.toMillis());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    paced.start();
    Files.writeString(runbooks.resolve("ten-steps.yml"), tenSteps(paced.getAddress().getPort()));
    app =
        new DropwizardTestSupport<>(
            LifeboatApplication.class,
            ResourceHelpers.resourceFilePath("test-config.yml"),
            ConfigOverride.config("runbooks", runbooks.toString()),
            ConfigOverride.config("database.url", record.url("postgres")),
            ConfigOverride.config("database.user", "postgres"),
            ConfigOverride.config("temporal.port", String.valueOf(temporalPort)),
            ConfigOverride.config("temporal.target", "127.0.0.1:" + temporalPort));
    app.before();
  }

  @AfterEach
  void stop() {
    try {
      app.after();
    } finally {
      paced.stop(0);
      record.close();
    }
  }

  @Test
  void aRunOutlivesARestartOfTheRecordDatabaseAndLosesNoEvent() throws Exception {
    TestApi api = new TestApi(app.getLocalPort());
    HttpResponse<String> launched =
        api.post("/api/plans/ten-steps/runs", "{\"mode\": \"drill\"}", TestTokens.OPERATOR);
    assertThat(launched.statusCode()).as(launched.body()).isEqualTo(202);
    String id = json.readTree(launched.body()).path("id").asText();

    await("step 3 to run")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> requests.get() >= 3);
    record.stop();
    Instant stopped = Instant.now();
    JsonNode failing =
        awaitHealth(Duration.ofSeconds(20), check -> !check.path("healthy").asBoolean());
    assertThat(failing.path("message").asText())
        .as("the record check says writes are failing, and why")
        .contains("record writes failing");
    Thread.sleep(Math.max(0, Duration.between(Instant.now(), stopped.plus(OUTAGE)).toMillis()));
    record.start();

    String status = awaitRunEnded(id, Duration.ofSeconds(120));
    assertThat(status).as("the run's status in the record after the outage").isEqualTo("succeeded");
    assertThat(requests.get()).as("every step ran, once").isEqualTo(STEPS);
    List<String> events = events(id);
    List<String> expected = new ArrayList<>();
    expected.add("1 run.started -");
    for (int step = 1; step <= STEPS; step++) {
      expected.add((2 * step) + " step.started step-" + step);
      expected.add((2 * step + 1) + " step.succeeded step-" + step);
    }
    expected.add((2 * STEPS + 2) + " run.succeeded -");
    expected.add((2 * STEPS + 3) + " run.verdict -"); // written with the run's end, once
    assertThat(events)
        .as("every transition is in the record once, in order, none lost or doubled")
        .containsExactlyElementsOf(expected);
    JsonNode healthy =
        awaitHealth(Duration.ofSeconds(30), check -> check.path("healthy").asBoolean());
    assertThat(healthy.path("message").asText()).contains("last write landed");
    assertThat(workflowTaskFailures(id))
        .as("the failed writes were retried by the write itself, not by failing workflow tasks")
        .isZero();
  }

  private long workflowTaskFailures(String id) {
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder()
                .setTarget("127.0.0.1:" + temporalPort)
                .build());
    try {
      return WorkflowClient.newInstance(stubs)
          .fetchHistory("lifeboat-run-" + id)
          .getEvents()
          .stream()
          .filter(event -> event.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED)
          .count();
    } finally {
      stubs.shutdownNow();
    }
  }

  private static String tenSteps(int port) {
    StringBuilder yaml =
        new StringBuilder(
            """
            name: ten-steps
            title: Ten paced health checks in sequence
            owner: tests
            objectives: {rto: 5m, rpo: 1h}
            stages:
            """);
    for (int step = 1; step <= STEPS; step++) {
      yaml.append(
          """
            - name: stage-%d
              steps:
                - id: step-%d
                  kind: health-check
                  http: {url: "http://127.0.0.1:%d/step-%d", expect_status: 200}
          """
              .formatted(step, step, port, step));
    }
    return yaml.toString();
  }

  private String awaitRunEnded(String id, Duration limit) throws Exception {
    try {
      return await("run " + id + " to end in the record")
          .atMost(limit)
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> status(id),
              status -> status != null && status.matches("succeeded|failed|cancelled|interrupted"));
    } catch (ConditionTimeoutException e) {
      return fail(
          "run %s did not end within %s of the record coming back; the record says %s, events %s",
          id, limit, status(id), events(id));
    }
  }

  private String status(String id) {
    try (Connection connection = record.connect("postgres");
        PreparedStatement query =
            connection.prepareStatement("select status from runs where id = ?")) {
      query.setString(1, id);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? row.getString(1) : null;
      }
    } catch (SQLException e) {
      return null;
    }
  }

  private List<String> events(String id) throws SQLException {
    List<String> events = new ArrayList<>();
    try (Connection connection = record.connect("postgres");
        PreparedStatement query =
            connection.prepareStatement(
                "select seq, type, coalesce(step_id, '-') from run_events where run_id = ?"
                    + " order by seq")) {
      query.setString(1, id);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          events.add(rows.getLong(1) + " " + rows.getString(2) + " " + rows.getString(3));
        }
      }
    }
    return events;
  }

  /** Polls the admin port's health checks until the "record" check matches. */
  private JsonNode awaitHealth(Duration limit, Predicate<JsonNode> wanted) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    URI uri = URI.create("http://127.0.0.1:" + app.getAdminPort() + "/healthcheck");
    return await("the record health check to get there")
        .atMost(limit)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                json.readTree(
                        http.send(
                                HttpRequest.newBuilder(uri).build(),
                                HttpResponse.BodyHandlers.ofString())
                            .body())
                    .path("record"),
            wanted);
  }
}
