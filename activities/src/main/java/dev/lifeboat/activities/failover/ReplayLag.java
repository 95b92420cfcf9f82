package dev.lifeboat.activities.failover;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * How far a standby's replay trailed when measured: bytes received but not replayed, and the age of
 * the last replayed commit.
 *
 * @param bytes -1 when the standby has received nothing by streaming
 * @param time null when nothing was replayed since the standby started and it is not caught up
 */
record ReplayLag(String receivedLsn, String replayedLsn, long bytes, Duration time) {
  // The age of the last replayed commit only means lag while something is left to replay: on a
  // caught-up standby of an idle primary it grows forever, so a caught-up standby reports zero.
  // greatest(0, ...): after a walreceiver restart the receive LSN can sit at a segment start,
  // behind replay, which is no lag at all.
  private static final String SQL =
      """
      SELECT pg_last_wal_receive_lsn()::text,
             pg_last_wal_replay_lsn()::text,
             greatest(0, pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn()))::bigint,
             CASE WHEN pg_last_wal_receive_lsn() <= pg_last_wal_replay_lsn() THEN 0
                  ELSE greatest(0, extract(epoch FROM now() - pg_last_xact_replay_timestamp()))
                       * 1000
             END::bigint
      """;

  /** Measures on a connection to a server in recovery. */
  static ReplayLag measure(Connection standby) throws SQLException {
    try (Statement s = standby.createStatement();
        ResultSet rs = s.executeQuery(SQL)) {
      rs.next();
      long bytes = rs.getLong(3);
      boolean noBytes = rs.wasNull();
      long millis = rs.getLong(4);
      boolean noTime = rs.wasNull();
      return new ReplayLag(
          rs.getString(1),
          rs.getString(2),
          noBytes ? -1 : bytes,
          noTime ? null : Duration.ofMillis(millis));
    }
  }
}
