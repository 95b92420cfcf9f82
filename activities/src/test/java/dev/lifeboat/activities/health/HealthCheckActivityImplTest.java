package dev.lifeboat.activities.health;

import static dev.lifeboat.activities.StepFailureAssertions.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.lifeboat.activities.SingleAttempt;
import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.activities.postgres.ConfiguredPostgresServers;
import dev.lifeboat.activities.postgres.SqlBind;
import dev.lifeboat.activities.postgres.SqlType;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HealthCheckActivityImplTest {
  @RegisterExtension static final TestPostgres pg = new TestPostgres();
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
    void failsAtOnceWhenTheQueryIsWrong() {
      ApplicationFailure failure =
          failureOf(
              () ->
                  activity.healthCheck(
                      new HealthCheckRequest(
                          new SqlProbe("main", database, "SELECT count(*) FROM oders", "1000"),
                          null,
                          null,
                          Duration.ofSeconds(20),
                          Duration.ofMillis(50))));

      assertThat(failure.getType()).isEqualTo(StepFailureType.BAD_INPUT.type());
      assertThat(failure.isNonRetryable()).isTrue();
      assertThat(failure.getOriginalMessage())
          .startsWith(
              "SELECT count(*) FROM oders on main/"
                  + database
                  + ": the query is wrong (SQLSTATE 42P01): ERROR: relation \"oders\" does not"
                  + " exist");
      assertThat(heartbeats).as("no polling: a typo does not fix itself").isEmpty();
    }

    @Test
    void comparesABoundValueAsData() {
      SqlProbe probe =
          new SqlProbe(
              "main",
              database,
              "SELECT count(*) FROM orders WHERE item = $1 OR id = $2",
              "1",
              List.of(SqlBind.text("item 7' OR '1'='1"), new SqlBind(SqlType.BIGINT, "12")),
              null,
              null);

      assertThat(once(probe, null, null).observed())
          .as("the quote is part of the value, not of the query")
          .isEqualTo("1");
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

  /** A restore proved against its source: the same query on both sides, compared as results. */
  @Nested
  class ExpectSameAs {
    private SqlProbe sameAs(String restored, String query, Tolerance tolerance) {
      return new SqlProbe(
          "main",
          restored,
          query,
          null,
          List.of(),
          new SqlQuery("main", database, query, List.of()),
          tolerance);
    }

    @Test
    void passesWhenTheRestoredResultEqualsTheSource() {
      String restored = pg.createDatabaseWithOrders("restored", 1000);

      HealthCheckResult result =
          once(
              sameAs(restored, "SELECT id, item FROM orders WHERE id % 100 = 0", null), null, null);

      assertThat(result.observed()).isEqualTo("10 rows");
    }

    @Test
    void failsShowingBothSidesWhenACountDiffers() {
      String restored = pg.createDatabaseWithOrders("short", 998);

      ApplicationFailure failure =
          failureOf(() -> once(sameAs(restored, "SELECT count(*) FROM orders", null), null, null));

      assertThat(failure.getType()).isEqualTo(StepFailureType.CHECK_FAILED.type());
      assertThat(failure.getOriginalMessage())
          .isEqualTo(
              "SELECT count(*) FROM orders on main/"
                  + restored
                  + ": differs from SELECT count(*) FROM orders on main/"
                  + database
                  + ": got '998', the source has '1000' after 1 probe");
    }

    @Test
    void allowsACountWithinTheTolerance() {
      String restored = pg.createDatabaseWithOrders("behind", 998);

      assertThat(
              once(
                      sameAs(restored, "SELECT count(*) FROM orders", Tolerance.parse("2").get()),
                      null,
                      null)
                  .observed())
          .isEqualTo("998");
      assertThat(
              failureOf(
                      () ->
                          once(
                              sameAs(
                                  restored,
                                  "SELECT count(*) FROM orders",
                                  Tolerance.parse("0.1%").get()),
                              null,
                              null))
                  .getOriginalMessage())
          .endsWith("got 998, the source has 1000 (tolerance 0.1% = 1) after 1 probe");
    }

    @Test
    void comparesRowsInAnyOrderAndNamesARowMissingFromTheRestore() {
      String restored = pg.createDatabaseWithOrders("gap", 20);
      pg.execute(restored, "DELETE FROM orders WHERE id = 7");

      ApplicationFailure failure =
          failureOf(
              () ->
                  once(
                      sameAs(restored, "SELECT id, item FROM orders WHERE id <= 20", null),
                      null,
                      null));

      assertThat(failure.getOriginalMessage())
          .contains(": 19 rows here, 20 in the source; only in the source: (7, item 7) after");
    }

    @Test
    void failsWhenTheColumnsDiffer() {
      SqlProbe probe =
          new SqlProbe(
              "main",
              database,
              "SELECT id, item AS name FROM orders WHERE id = 1",
              null,
              List.of(),
              new SqlQuery("main", database, "SELECT id, item FROM orders WHERE id = 1", null),
              null);

      assertThat(failureOf(() -> once(probe, null, null)).getOriginalMessage())
          .contains(": columns (id, name) here, (id, item) in the source after 1 probe");
    }

    @Test
    void refusesAResultTooLargeToCompare() {
      ApplicationFailure failure =
          failureOf(
              () ->
                  once(
                      sameAs(database, "SELECT g FROM generate_series(1, 1001) g", null),
                      null,
                      null));

      assertThat(failure.getType()).isEqualTo(StepFailureType.BAD_INPUT.type());
      assertThat(failure.getOriginalMessage())
          .contains("the result has more than 1000 rows, too many to compare");
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
    /** Polls the always-unhealthy endpoint every 50ms for {@code window}. */
    private HealthCheckResult pollDown(Duration window) {
      return activity.healthCheck(
          new HealthCheckRequest(
              null,
              new HttpProbe(base + "/down", 200, null, null),
              null,
              window,
              Duration.ofMillis(50)));
    }

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
          .as("heartbeats after unhealthy probes, each carrying when the window began")
          .first()
          .satisfies(
              first -> {
                assertThat(first.probes()).isEqualTo(1);
                assertThat(first.lastObservation()).isEqualTo("503");
                assertThat(first.windowStartedMillis()).isPositive();
              });
    }

    @Test
    void anUnhealthyEndOfTheWindowIsFinalNotRetried() {
      ApplicationFailure failure = failureOf(() -> pollDown(Duration.ofMillis(300)));

      assertThat(failure.getType()).isEqualTo(StepFailureType.CHECK_FAILED.type());
      assertThat(failure.isNonRetryable())
          .as("a retry would poll past the window the step promised")
          .isTrue();
    }

    @Test
    void aRetriedAttemptPollsOnlyWhatIsLeftOfTheWindow() {
      long windowBegan = System.currentTimeMillis() - 10_000;
      env.setHeartbeatDetails(new HealthProgress(7, "503", windowBegan));
      long started = System.nanoTime();

      ApplicationFailure failure = failureOf(() -> pollDown(Duration.ofMillis(5000)));

      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .as("the 5s window began 10s ago, with the first attempt: one last probe, no new window")
          .isLessThan(Duration.ofSeconds(3));
      assertThat(failure.getOriginalMessage()).endsWith("after 1 probe over 10s");
      assertThat(failure.isNonRetryable()).isTrue();
    }

    @Test
    void failsWithTheLastObservationWhenTheWindowEnds() {
      ApplicationFailure failure = failureOf(() -> pollDown(Duration.ofMillis(1000)));

      assertThat(failure.getType()).isEqualTo(StepFailureType.CHECK_FAILED.type());
      assertThat(failure.getOriginalMessage())
          .matches(
              "GET http://127\\.0\\.0\\.1:\\d+/down: expected status 200, got 503 after \\d+ probes?"
                  + " over \\d+(ms|s)");
      assertThat(heartbeats).as("heartbeats while polling").isNotEmpty();
    }
  }
}
