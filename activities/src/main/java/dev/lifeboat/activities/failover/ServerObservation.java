package dev.lifeboat.activities.failover;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What one look at a PostgreSQL server showed: which cluster it is, whether it is in recovery (a
 * standby) and on which WAL timeline. Recorded by a promote step before it promotes, so that a
 * retry can tell "promoted by my earlier attempt" (the timeline moved on from what was seen) from
 * "was a primary all along".
 *
 * @param systemIdentifier the cluster's identity, fixed at initdb and shared by its physical
 *     standbys; another value means another cluster
 * @param timeline for a primary, the timeline it writes on; for a standby, the timeline of its last
 *     restartpoint, which the timeline a promotion starts is always above
 */
public record ServerObservation(String systemIdentifier, int timeline, boolean inRecovery) {
  // pg_walfile_name cannot run during recovery; CASE keeps it from being evaluated then.
  private static final String SQL =
      """
      SELECT (SELECT system_identifier FROM pg_control_system())::text,
             pg_is_in_recovery(),
             CASE WHEN pg_is_in_recovery()
                  THEN (SELECT timeline_id FROM pg_control_checkpoint())
                  ELSE ('x' || substr(pg_walfile_name(pg_current_wal_lsn()), 1, 8))::bit(32)::int
             END
      """;

  static ServerObservation read(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(SQL)) {
      rs.next();
      return new ServerObservation(rs.getString(1), rs.getInt(3), rs.getBoolean(2));
    }
  }

  /** {@code a standby on timeline 1}, for messages. */
  String describe() {
    return (inRecovery ? "a standby" : "a primary") + " on timeline " + timeline;
  }
}
