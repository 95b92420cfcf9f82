package dev.lifeboat.activities.health;

import static dev.lifeboat.activities.StepFailureAssertions.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.lifeboat.activities.SingleAttempt;
import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.activities.postgres.ConfiguredPostgresServers;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class HealthCheckActivityImplTest {
  private static final TestPostgres pg = new TestPostgres();
  private static String database;

  private final AtomicInteger requests = new AtomicInteger();
  private final List<HealthProgress> heartbeats = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private String base;
  private TestActivityEnvironment env;
  private HealthCheckActivity activity;

  @BeforeAll
  static void createDatabase() {
    database = pg.createDatabaseWithOrders("health", 1000);
  }

  @AfterAll
  static void dropDatabase() {
    pg.close();
  }

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/health", exchange -> respond(exchange, 200, "status: ok"));
    server.createContext("/down", exchange -> respond(exchange, 503, "maintenance"));
    // Unhealthy for the first two requests, then healthy: a service coming back after failover.
    server.createContext(
        "/warming",
        exchange ->
            respond(exchange, requests.incrementAndGet() > 2 ? 200 : 503, "request " + requests));
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();

    env = TestActivityEnvironment.newInstance();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    var servers = new ConfiguredPostgresServers(Map.of("main", TestPostgres.server()));
    env.registerActivitiesImplementations(
        new HealthCheckActivityImpl(servers, http, Clock.systemUTC()));
    env.setActivityHeartbeatListener(HealthProgress.class, heartbeats::add);
    activity =
        env.newActivityStub(
            HealthCheckActivity.class, SingleAttempt.within(Duration.ofSeconds(30)).build());
  }

  @AfterEach
  void stop() {
    env.close();
    server.stop(0);
  }

  private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private HealthCheckResult once(SqlProbe sql, HttpProbe http, TcpProbe tcp) {
    return activity.healthCheck(new HealthCheckRequest(sql, http, tcp, null, null));
  }

  @Nested
  class Sql {
    @Test
    void passesWhenTheQueryReturnsTheExpectedValue() {
      HealthCheckResult result =
          once(new SqlProbe("main", database, "SELECT count(*) FROM orders", "1000"), null, null);

      assertThat(result.observed()).isEqualTo("1000");
      assertThat(result.probes()).isEqualTo(1);
    }

    @Test
    void passesWhenTheQueryRunsAndNothingIsExpected() {
      HealthCheckResult result = once(new SqlProbe("main", database, "SELECT 1", null), null, null);

      assertThat(result.observed()).isEqualTo("1");
    }

    @Test
    void failsNamingExpectedAndActualValue() {
      ApplicationFailure failure =
          failureOf(
              () ->
                  once(
                      new SqlProbe("main", database, "SELECT count(*) FROM orders", "1001"),
                      null,
                      null));

      assertThat(failure.getType()).isEqualTo(StepFailureType.CHECK_FAILED.type());
      assertThat(failure.getOriginalMessage())
          .isEqualTo(
              "SELECT count(*) FROM orders on main/"
                  + database
                  + ": expected '1001', got '1000' after 1 probe");
    }

    @Test
    void rejectsUnknownServerWithoutRetrying() {
      ApplicationFailure failure =
          failureOf(() -> once(new SqlProbe("dr", database, "SELECT 1", null), null, null));

      assertThat(failure.isNonRetryable()).isTrue();
      assertThat(failure.getOriginalMessage())
          .isEqualTo("unknown server 'dr'; configured servers: main");
    }
  }

  @Nested
  class Http {
    @Test
    void passesOnExpectedStatusAndBody() {
      HealthCheckResult result = once(null, new HttpProbe(base + "/health", 200, "ok", null), null);

      assertThat(result.observed()).isEqualTo("200");
      assertThat(result.latencyMillis()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void failsOnWrongStatusWithoutPrintingTheQueryString() {
      ApplicationFailure failure =
          failureOf(
              () -> once(null, new HttpProbe(base + "/down?token=s3cret", 200, null, null), null));

      assertThat(failure.getType()).isEqualTo(StepFailureType.CHECK_FAILED.type());
      assertThat(failure.getOriginalMessage())
          .isEqualTo("GET " + base + "/down: expected status 200, got 503 after 1 probe")
          .doesNotContain("s3cret");
    }

    @Test
    void failsWhenBodyLacksExpectedText() {
      ApplicationFailure failure =
          failureOf(() -> once(null, new HttpProbe(base + "/health", 200, "green", null), null));

      assertThat(failure.getOriginalMessage())
          .endsWith("expected a body containing 'green', got 'status: ok' after 1 probe");
    }

    @Test
    void rejectsMalformedUrlWithoutRetrying() {
      ApplicationFailure failure =
          failureOf(() -> once(null, new HttpProbe("ftp://example.org/x", 200, null, null), null));

      assertThat(failure.getType()).isEqualTo(StepFailureType.BAD_INPUT.type());
      assertThat(failure.isNonRetryable()).isTrue();
    }
  }

  @Nested
  class Tcp {
    @Test
    void passesWhenThePortAcceptsConnections() {
      HealthCheckResult result =
          once(null, null, new TcpProbe("127.0.0.1", server.getAddress().getPort(), null));

      assertThat(result.observed()).isEqualTo("connected");
    }

    @Test
    void failsRetryablyWhenNothingListens() throws IOException {
      int closed;
      try (ServerSocket socket = new ServerSocket(0)) {
        closed = socket.getLocalPort();
      }
      int port = closed;

      ApplicationFailure failure =
          failureOf(() -> once(null, null, new TcpProbe("127.0.0.1", port, Duration.ofSeconds(1))));

      assertThat(failure.getType()).isEqualTo(StepFailureType.UNAVAILABLE.type());
      assertThat(failure.isNonRetryable()).isFalse();
      assertThat(failure.getOriginalMessage())
          .isEqualTo("TCP 127.0.0.1:" + port + ": connection refused after 1 probe");
    }
  }

  @Nested
  class UntilHealthy {
    @Test
    void pollsUntilTheServiceTurnsHealthy() {
      HealthCheckResult result =
          activity.healthCheck(
              new HealthCheckRequest(
                  null,
                  new HttpProbe(base + "/warming", 200, null, null),
                  null,
                  Duration.ofSeconds(10),
                  Duration.ofMillis(50)));

      assertThat(result.probes()).isEqualTo(3);
      // The SDK throttles heartbeats, so only the first is certain to be sent at once.
      assertThat(heartbeats)
          .as("heartbeats after unhealthy probes")
          .first()
          .isEqualTo(new HealthProgress(1, "503"));
    }

    @Test
    void failsWithTheLastObservationWhenTheWindowEnds() {
      ApplicationFailure failure =
          failureOf(
              () ->
                  activity.healthCheck(
                      new HealthCheckRequest(
                          null,
                          new HttpProbe(base + "/down", 200, null, null),
                          null,
                          Duration.ofMillis(1000),
                          Duration.ofMillis(50))));

      assertThat(failure.getType()).isEqualTo(StepFailureType.CHECK_FAILED.type());
      assertThat(failure.getOriginalMessage())
          .matches(
              "GET http://127\\.0\\.0\\.1:\\d+/down: expected status 200, got 503 after \\d+ probes"
                  + " over \\d+(ms|s)");
      assertThat(heartbeats).as("heartbeats while polling").isNotEmpty();
    }
  }
}
