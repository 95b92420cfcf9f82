package dev.lifeboat.activities.failover;

import dev.lifeboat.activities.HumanUnits;
import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.StepFailures;
import dev.lifeboat.activities.postgres.PostgresConnections;
import dev.lifeboat.activities.postgres.PostgresServer;
import dev.lifeboat.activities.postgres.PostgresServers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Promotes a named standby: measures its replay lag, calls {@code pg_promote}, then waits for a
 * write to succeed.
 *
 * <p>How a retry knows it already succeeded: it cannot stamp the standby before promoting (a
 * standby takes no writes), and a stamp written after promoting would be missing whenever the
 * attempt died in between. The server stamps itself instead: promotion always starts a new WAL
 * timeline, and a freshly initialised cluster writes on timeline 1. So "not in recovery, timeline
 * above 1" means promoted, by this attempt's predecessor or by someone else; both leave the server
 * in the state the step asks for, so both succeed with {@code alreadyPrimary}. No time window is
 * applied on purpose: a recovery run resumed days later must still get past this step. The cost is
 * that a primary which was itself promoted in an earlier failover is accepted too; the summary then
 * says on which timeline it has been primary, for the operator to see.
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
    Instant asked;
    ReplayLag lag;
    try (Connection c = PostgresConnections.open(server, server.maintenanceDatabase())) {
      if (!inRecovery(c)) {
        return alreadyPromoted(name, server, PrimaryTimeline.read(c), request.waitForWrites());
      }
      lag = ReplayLag.measure(c);
      asked = clock.instant();
      promote(c);
    } catch (SQLException e) {
      throw PostgresConnections.failure("promoting standby '" + name + "'", server, e);
    }
    Duration took = writes.awaitWrites(name, server, asked, request.waitForWrites());
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
      String name, PostgresServer server, PrimaryTimeline timeline, Duration window) {
    if (!timeline.wasPromoted()) {
      throw StepFailures.of(
          StepFailureType.BAD_INPUT,
          "PostgreSQL server '"
              + name
              + "' ("
              + server.host()
              + ":"
              + server.port()
              + ") is a primary, not a standby: it is not in recovery and has never been promoted"
              + " (still on timeline 1), so there is nothing to promote; check that the step"
              + " names the standby");
    }
    Duration took = writes.awaitWrites(name, server, clock.instant(), window);
    return new PromoteStandbyResult(
        name,
        true,
        -1,
        null,
        timeline.switchLsn(),
        took,
        "PostgreSQL server '"
            + name
            + "' was already promoted: primary on timeline "
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

  private static boolean inRecovery(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT pg_is_in_recovery()")) {
      rs.next();
      return rs.getBoolean(1);
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
