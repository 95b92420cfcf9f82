package dev.lifeboat.activities.failover;

import dev.lifeboat.activities.HumanUnits;
import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.StepFailures;
import dev.lifeboat.activities.postgres.PostgresConnections;
import dev.lifeboat.activities.postgres.PostgresServer;
import io.temporal.activity.Activity;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Polls a server until it is out of recovery and really accepts a write, heartbeating every poll so
 * a cancelled step stops waiting. Each poll opens a fresh connection, because what failover needs
 * is that new clients (behind the load balancer) can write.
 */
final class WriteProbe {
  private static final Duration FIRST_PAUSE = Duration.ofMillis(50);
  private static final Duration MAX_PAUSE = Duration.ofSeconds(2);

  private final Clock clock;

  WriteProbe(Clock clock) {
    this.clock = clock;
  }

  /**
   * Returns when a write succeeded; fails with CHECK_FAILED (what the last poll saw) when {@code
   * window} after {@code since} passes first.
   *
   * @param before what the step first saw of the server, kept in every heartbeat
   */
  Duration awaitWrites(
      String name,
      PostgresServer server,
      Instant since,
      Duration window,
      ServerObservation before) {
    Instant deadline = since.plus(window);
    Duration pause = FIRST_PAUSE;
    int polls = 0;
    while (true) {
      String observed = poll(server);
      polls++;
      Instant now = clock.instant();
      if (observed == null) {
        return Duration.between(since, now);
      }
      if (!now.isBefore(deadline)) {
        throw StepFailures.of(
            StepFailureType.CHECK_FAILED,
            "PostgreSQL server '"
                + name
                + "' did not accept writes within "
                + HumanUnits.duration(window)
                + " of being asked to promote; last of "
                + polls
                + " polls: "
                + observed);
      }
      // Carries the first observation along: the last details are what the next attempt sees.
      Activity.getExecutionContext().heartbeat(new PromoteProgress(polls, observed, before));
      sleep(min(pause, Duration.between(now, deadline)));
      pause = min(pause.multipliedBy(2), MAX_PAUSE);
    }
  }

  /** Null when the server accepted a write, else what stopped it. */
  private static String poll(PostgresServer server) {
    try (Connection c = PostgresConnections.open(server, server.maintenanceDatabase());
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT pg_is_in_recovery()")) {
        rs.next();
        if (rs.getBoolean(1)) {
          return "still in recovery";
        }
      }
      // Assigning a transaction id is refused during recovery and by nothing else: the cheapest
      // write there is, and one that leaves no object behind.
      try (ResultSet rs = s.executeQuery("SELECT pg_current_xact_id()")) {
        rs.next();
      }
      return null;
    } catch (SQLException e) {
      return "out of reach or refusing writes: " + e.getMessage();
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) < 0 ? a : b;
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(Math.max(0, pause.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Activity.wrap(e);
    }
  }
}
