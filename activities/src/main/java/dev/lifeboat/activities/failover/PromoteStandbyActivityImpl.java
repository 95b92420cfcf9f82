package dev.lifeboat.activities.failover;

import dev.lifeboat.activities.HumanUnits;
import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.StepFailures;
import dev.lifeboat.activities.failover.PromoteGuard.Decision;
import dev.lifeboat.activities.postgres.PostgresConnections;
import dev.lifeboat.activities.postgres.PostgresServer;
import dev.lifeboat.activities.postgres.PostgresServers;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Promotes a named standby: observes it, measures its replay lag, calls {@code pg_promote}, then
 * waits for a write to succeed.
 *
 * <p>How a retry knows it already succeeded: it cannot stamp the standby before promoting (a
 * standby takes no writes), and a stamp written after promoting would be missing whenever the
 * attempt died in between. Nor can the server's timeline alone tell: every promotion starts a new
 * one, but after any real failover every server is past timeline 1, so a primary named by mistake
 * would pass as "already promoted". So the first attempt records what it saw (system identifier,
 * timeline, in recovery; {@link ServerObservation}) in its heartbeat details before it promotes,
 * and Temporal hands them to the next attempt. A retry succeeds as {@code alreadyPrimary} only when
 * the server it saw in recovery has left it on a later timeline ({@link PromoteGuard}); a server
 * not seen in recovery by this step fails at once, whatever its timeline. A new run (or a step
 * retried by an operator, which is a new activity) has no such observation and so refuses a server
 * that is already a primary: the operator, who knows it was promoted, skips the step.
 */
public final class PromoteStandbyActivityImpl implements PromoteStandbyActivity {
  private final PostgresServers servers;
  private final Clock clock;
  private final WriteProbe writes;

  public PromoteStandbyActivityImpl(PostgresServers servers, Clock clock) {
    this.servers = servers;
    this.clock = clock;
    this.writes = new WriteProbe(clock);
  }

  @Override
  public PromoteStandbyResult promoteStandby(PromoteStandbyRequest request) {
    String name = request.server();
    PostgresServer server = servers.find(name).orElseThrow(() -> unknownServer(name));
    ActivityExecutionContext activity = Activity.getExecutionContext();
    ServerObservation before =
        activity
            .getHeartbeatDetails(PromoteProgress.class)
            .map(PromoteProgress::before)
            .orElse(null);
    ServerObservation first;
    Instant asked;
    ReplayLag lag;
    try (Connection c = PostgresConnections.open(server, server.maintenanceDatabase())) {
      ServerObservation now = ServerObservation.read(c);
      Decision decision = PromoteGuard.decide(name, server, before, now);
      first = before != null ? before : now;
      if (decision == Decision.ALREADY_PROMOTED) {
        return alreadyPromoted(name, server, first, PrimaryTimeline.read(c), request);
      }
      // The first heartbeat of an attempt is sent at once: the observation is on record before
      // the server is asked to change.
      activity.heartbeat(new PromoteProgress(0, "observed " + now.describe(), first));
      lag = ReplayLag.measure(c);
      asked = clock.instant();
      promote(c);
    } catch (SQLException e) {
      throw PostgresConnections.failure("promoting standby '" + name + "'", server, e);
    }
    Duration took = writes.awaitWrites(name, server, asked, request.waitForWrites(), first);
    String lsn = promotedAtLsn(name, server);
    return new PromoteStandbyResult(
        name,
        false,
        lag.bytes(),
        lag.time(),
        lsn,
        took,
        "promoted PostgreSQL server '"
            + name
            + "' at "
            + (lsn == null ? "an unknown LSN" : lsn)
            + "; replay lag when asked: "
            + (lag.bytes() < 0 ? "unknown" : HumanUnits.bytes(lag.bytes()))
            + (lag.time() == null ? "" : ", " + HumanUnits.duration(lag.time()))
            + "; accepting writes after "
            + HumanUnits.duration(took));
  }

  private PromoteStandbyResult alreadyPromoted(
      String name,
      PostgresServer server,
      ServerObservation first,
      PrimaryTimeline timeline,
      PromoteStandbyRequest request) {
    Duration took =
        writes.awaitWrites(name, server, clock.instant(), request.waitForWrites(), first);
    return new PromoteStandbyResult(
        name,
        true,
        -1,
        null,
        timeline.switchLsn(),
        took,
        "PostgreSQL server '"
            + name
            + "' was already promoted by an earlier attempt of this step: "
            + first.describe()
            + " when first observed, now primary on timeline "
            + timeline.timeline()
            + (timeline.switchLsn() == null ? "" : " since " + timeline.switchLsn())
            + ", accepting writes");
  }

  private static void promote(Connection c) throws SQLException {
    // wait => false: pg_promote only signals the server. The waiting is done by the write probe,
    // which heartbeats; pg_promote's own wait would block silently past a heartbeat timeout.
    try (Statement s = c.createStatement()) {
      s.execute("SELECT pg_promote(false)");
    } catch (SQLException e) {
      if ("55000".equals(e.getSQLState())) {
        return; // "recovery is not in progress": promoted by someone else meanwhile; probe judges
      }
      if ("42501".equals(e.getSQLState())) {
        throw StepFailures.of(
            StepFailureType.BAD_CONFIG,
            "the configured user may not call pg_promote(); make it a superuser or GRANT EXECUTE"
                + " ON FUNCTION pg_promote TO it: "
                + e.getMessage(),
            e);
      }
      throw e;
    }
  }

  private static String promotedAtLsn(String name, PostgresServer server) {
    try (Connection c = PostgresConnections.open(server, server.maintenanceDatabase())) {
      return PrimaryTimeline.read(c).switchLsn();
    } catch (SQLException e) {
      throw PostgresConnections.failure("reading the new timeline of '" + name + "'", server, e);
    }
  }

  private RuntimeException unknownServer(String name) {
    return StepFailures.of(
        StepFailureType.BAD_INPUT,
        "unknown PostgreSQL server '"
            + name
            + "'; configured servers: "
            + (servers.names().isEmpty() ? "none" : String.join(", ", servers.names())));
  }
}
