package dev.lifeboat.activities.failover;

import static dev.lifeboat.activities.StepFailureAssertions.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.lifeboat.activities.SingleAttempt;
import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.postgres.ConfiguredPostgresServers;
import dev.lifeboat.activities.postgres.PostgresServer;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Promotes a real streaming standby. The pair is built once for the class (a few seconds), so the
 * tests run in order: the promotion first, then the retry that must find it already done.
 */
@TestMethodOrder(OrderAnnotation.class)
class PromoteStandbyActivityImplTest {
  private static StreamingPair pair;
  private static int closedPort;

  private TestActivityEnvironment env;
  private PromoteStandbyActivity activity;

  @BeforeAll
  static void buildPair() throws IOException {
    pair = StreamingPair.start();
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort(); // nothing listens here once the socket is closed
    }
  }

  @AfterAll
  static void removePair() {
    if (pair != null) {
      pair.close();
    }
  }

  @BeforeEach
  void startEnvironment() {
    var servers =
        new ConfiguredPostgresServers(
            Map.of(
                "dr-standby", pair.standby(),
                "prod-primary", pair.primary(),
                "gone", new PostgresServer("127.0.0.1", closedPort, "postgres", "", "postgres")));
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(
        new PromoteStandbyActivityImpl(servers, Clock.systemUTC()));
    activity =
        env.newActivityStub(
            PromoteStandbyActivity.class, SingleAttempt.within(Duration.ofSeconds(60)).build());
  }

  @AfterEach
  void closeEnvironment() {
    env.close();
  }

  @Test
  @Order(1)
  void promotesTheStandbyAndReportsTheReplayLagItHad() {
    StreamingPair.execute(
        pair.primary(),
        "CREATE TABLE orders (id int PRIMARY KEY, item text NOT NULL)",
        "INSERT INTO orders SELECT g, 'item ' || g FROM generate_series(1, 100) g");
    awaitReplayed("100");
    // Hold replay back while the standby keeps receiving, so there is lag to measure.
    StreamingPair.execute(pair.standby(), "SELECT pg_wal_replay_pause()");
    StreamingPair.execute(
        pair.primary(),
        "INSERT INTO orders SELECT g, 'item ' || g FROM generate_series(101, 5000) g");
    String primaryLsn = StreamingPair.queryText(pair.primary(), "SELECT pg_current_wal_lsn()");
    awaitReceived(primaryLsn);
    assertThat(
            catchThrowable(
                () -> StreamingPair.execute(pair.standby(), "SELECT pg_current_xact_id()")))
        .as("before promotion the standby must refuse writes")
        .isNotNull();

    PromoteStandbyResult result =
        activity.promoteStandby(new PromoteStandbyRequest("dr-standby", Duration.ofSeconds(30)));

    assertThat(result.alreadyPrimary()).isFalse();
    assertThat(result.replayLagBytes())
        .as("WAL was received but held back from replay, so the lag must be above zero")
        .isPositive();
    assertThat(result.replayLagTime()).as("replay lag time").isNotNull();
    assertThat(result.replayLagTime().isNegative()).as("replay lag time is negative").isFalse();
    assertThat(result.promotedAtLsn()).as("promotion LSN").matches("[0-9A-F]+/[0-9A-F]+");
    assertThat(result.tookToAcceptWrites()).isNotNull();
    assertThat(result.summary()).contains("promoted", "dr-standby", result.promotedAtLsn());
    assertThat(StreamingPair.queryText(pair.standby(), "SELECT pg_is_in_recovery()"))
        .as("the promoted server must have left recovery")
        .isEqualTo("f");
    StreamingPair.execute(pair.standby(), "INSERT INTO orders VALUES (5001, 'after failover')");
    assertThat(StreamingPair.queryText(pair.standby(), "SELECT count(*) FROM orders"))
        .as("all rows received before promotion, plus the one written after, must be there")
        .isEqualTo("5001");
  }

  @Test
  @Order(2)
  void promotingAgainSucceedsAsAlreadyPrimary() {
    PromoteStandbyResult retry =
        activity.promoteStandby(new PromoteStandbyRequest("dr-standby", Duration.ofSeconds(10)));

    assertThat(retry.alreadyPrimary())
        .as("a retry after a successful promotion must see it was already done")
        .isTrue();
    assertThat(retry.promotedAtLsn()).as("promotion LSN of the earlier promotion").isNotNull();
    assertThat(retry.summary()).contains("already promoted", "timeline 2");
  }

  @Test
  @Order(3)
  void refusesToPromoteAPrimaryThatWasNeverAStandby() {
    ApplicationFailure failure =
        failureOf(
            () ->
                activity.promoteStandby(
                    new PromoteStandbyRequest("prod-primary", Duration.ofSeconds(5))));

    assertThat(failure.getType()).isEqualTo(StepFailureType.BAD_INPUT.type());
    assertThat(failure.isNonRetryable())
        .as("naming the wrong server is not worth retrying")
        .isTrue();
    assertThat(failure.getOriginalMessage())
        .contains("'prod-primary'", "is a primary, not a standby", "not in recovery");
  }

  @Test
  @Order(4)
  void rejectsAnUnknownServerNamingTheConfiguredOnes() {
    ApplicationFailure failure =
        failureOf(() -> activity.promoteStandby(new PromoteStandbyRequest("dr-east", null)));

    assertThat(failure.getType()).isEqualTo(StepFailureType.BAD_INPUT.type());
    assertThat(failure.getOriginalMessage())
        .contains("'dr-east'", "dr-standby, gone, prod-primary");
  }

  @Test
  @Order(5)
  void reportsAnUnreachableServerAsUnavailable() {
    ApplicationFailure failure =
        failureOf(() -> activity.promoteStandby(new PromoteStandbyRequest("gone", null)));

    assertThat(failure.getType()).isEqualTo(StepFailureType.UNAVAILABLE.type());
    assertThat(failure.getOriginalMessage()).contains("'gone'", "127.0.0.1:" + closedPort);
  }

  private static void awaitReplayed(String expectedCount) {
    awaitOnStandby(
        "SELECT count(*) FROM orders", expectedCount, "the standby to replay the first rows");
  }

  private static void awaitReceived(String primaryLsn) {
    awaitOnStandby(
        "SELECT pg_last_wal_receive_lsn() >= '" + primaryLsn + "'::pg_lsn",
        "t",
        "the standby to receive the primary's WAL up to " + primaryLsn);
  }

  private static void awaitOnStandby(String sql, String expected, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (expected.equals(StreamingPair.queryText(pair.standby(), sql))) {
          return;
        }
      } catch (IllegalStateException e) {
        // the table may not have been replayed yet
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("gave up waiting 20s for " + what);
  }
}
