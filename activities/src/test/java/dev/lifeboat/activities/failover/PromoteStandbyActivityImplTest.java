package dev.lifeboat.activities.failover;

import static dev.lifeboat.activities.StepFailureAssertions.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

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
  /** A login without the right to call pg_promote(). */
  private static final String WEAK_USER = "lifeboat_weak";

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
                "gone", new PostgresServer("127.0.0.1", closedPort, "postgres", "", "postgres"),
                "weak-standby", as(pair.standby(), WEAK_USER, "postgres"),
                "stranger", as(pair.standby(), "nobody_here", "postgres"),
                "no-database", as(pair.standby(), "postgres", "no_such_database")));
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
  @Order(0)
  void reportsAUserThatMayNotPromoteAsBadConfigWithoutRetrying() {
    StreamingPair.execute(pair.primary(), "CREATE ROLE " + WEAK_USER + " LOGIN");
    awaitOnStandby(
        "SELECT count(*) FROM pg_roles WHERE rolname = '" + WEAK_USER + "'",
        "1",
        "the standby to replay the new role");

    ApplicationFailure failure =
        failureOf(() -> activity.promoteStandby(new PromoteStandbyRequest("weak-standby", null)));

    assertThat(failure.getType()).isEqualTo(StepFailureType.BAD_CONFIG.type());
    assertThat(failure.isNonRetryable()).as("SQLSTATE 42501: a grant is missing").isTrue();
    assertThat(failure.getOriginalMessage()).contains("may not call pg_promote()");
    assertThat(StreamingPair.queryText(pair.standby(), "SELECT pg_is_in_recovery()"))
        .as("nothing was promoted")
        .isEqualTo("t");
  }

  @Test
  @Order(0)
  void reportsALoginTheServerRefusesAsBadConfigWithoutRetrying() {
    ApplicationFailure failure =
        failureOf(() -> activity.promoteStandby(new PromoteStandbyRequest("stranger", null)));

    assertThat(failure.getType()).isEqualTo(StepFailureType.BAD_CONFIG.type());
    assertThat(failure.isNonRetryable()).as("SQLSTATE class 28: a person must fix it").isTrue();
    assertThat(failure.getOriginalMessage()).contains("'stranger'", "nobody_here");
  }

  @Test
  @Order(0)
  void reportsAMissingMaintenanceDatabaseAsBadConfigWithoutRetrying() {
    ApplicationFailure failure =
        failureOf(() -> activity.promoteStandby(new PromoteStandbyRequest("no-database", null)));

    assertThat(failure.getType()).isEqualTo(StepFailureType.BAD_CONFIG.type());
    assertThat(failure.isNonRetryable())
        .as("SQLSTATE 3D000: the database will not appear by retrying")
        .isTrue();
    assertThat(failure.getOriginalMessage()).contains("no_such_database");
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
  void refusesAPrimaryOnALaterTimelineThatThisStepNeverSawAsAStandby() {
    // dr-standby was promoted by the test above: a primary on timeline 2, as every server is
    // after a real failover. A new step naming it has never seen it in recovery.
    ApplicationFailure failure =
        failureOf(
            () ->
                activity.promoteStandby(
                    new PromoteStandbyRequest("dr-standby", Duration.ofSeconds(10))));

    assertThat(failure.getType()).isEqualTo(StepFailureType.BAD_INPUT.type());
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage())
        .contains(
            "'dr-standby'",
            "is a primary, not a standby: it is not in recovery (a primary on timeline 2",
            "this step has not seen it as a standby");
  }

  @Test
  @Order(2)
  void aRetrySucceedsWhenTheServerItSawInRecoveryLeftItOnALaterTimeline() {
    env.setHeartbeatDetails(
        new PromoteProgress(0, "observed", new ServerObservation(systemIdentifier(), 1, true)));

    PromoteStandbyResult retry =
        activity.promoteStandby(new PromoteStandbyRequest("dr-standby", Duration.ofSeconds(10)));

    assertThat(retry.alreadyPrimary())
        .as("the earlier attempt saw a standby on timeline 1; it is a primary on timeline 2 now")
        .isTrue();
    assertThat(retry.promotedAtLsn()).as("promotion LSN of the earlier promotion").isNotNull();
    assertThat(retry.summary())
        .contains("already promoted by an earlier attempt of this step", "timeline 2");
  }

  @Test
  @Order(2)
  void aRetryRefusesAServerWhoseTimelineDidNotMoveOn() {
    env.setHeartbeatDetails(
        new PromoteProgress(0, "observed", new ServerObservation(systemIdentifier(), 2, true)));

    ApplicationFailure failure =
        failureOf(
            () ->
                activity.promoteStandby(
                    new PromoteStandbyRequest("dr-standby", Duration.ofSeconds(10))));

    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage())
        .contains("left recovery but is a primary on timeline 2", "not past timeline 2");
  }

  @Test
  @Order(2)
  void aRetryRefusesAServerThatIsAnotherCluster() {
    env.setHeartbeatDetails(
        new PromoteProgress(0, "observed", new ServerObservation("4242", 1, true)));

    ApplicationFailure failure =
        failureOf(
            () ->
                activity.promoteStandby(
                    new PromoteStandbyRequest("dr-standby", Duration.ofSeconds(10))));

    assertThat(failure.getType()).isEqualTo(StepFailureType.BAD_CONFIG.type());
    assertThat(failure.getOriginalMessage())
        .contains("is not the server this step first observed: system identifier 4242 then");
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
        .contains(
            "'dr-east'", "dr-standby, gone, no-database, prod-primary, stranger, weak-standby");
  }

  @Test
  @Order(5)
  void reportsAnUnreachableServerAsUnavailable() {
    ApplicationFailure failure =
        failureOf(() -> activity.promoteStandby(new PromoteStandbyRequest("gone", null)));

    assertThat(failure.getType()).isEqualTo(StepFailureType.UNAVAILABLE.type());
    assertThat(failure.getOriginalMessage()).contains("'gone'", "127.0.0.1:" + closedPort);
  }

  private static PostgresServer as(PostgresServer server, String user, String database) {
    return new PostgresServer(server.host(), server.port(), user, "", database);
  }

  private static String systemIdentifier() {
    return StreamingPair.queryText(
        pair.standby(), "SELECT system_identifier::text FROM pg_control_system()");
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
    await(what)
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(50))
        // the table may not have been replayed yet
        .ignoreExceptionsInstanceOf(IllegalStateException.class)
        .until(() -> StreamingPair.queryText(pair.standby(), sql), expected::equals);
  }
}
