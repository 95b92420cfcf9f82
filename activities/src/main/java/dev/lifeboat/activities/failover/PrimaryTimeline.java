package dev.lifeboat.activities.failover;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The WAL timeline a server out of recovery writes on, and where that timeline began: what a
 * promotion reports. (A later timeline alone does not mean "promoted by this step": after any
 * failover every server is past timeline 1; see {@link PromoteGuard}.)
 *
 * @param switchLsn where this timeline branched off the previous one; null when unknown
 */
record PrimaryTimeline(int timeline, String switchLsn) {
  private static final String SQL =
      """
      SELECT pg_walfile_name(pg_current_wal_lsn()), pg_last_wal_replay_lsn()::text
      """;

  /** Reads the timeline of a server that is not in recovery. */
  static PrimaryTimeline read(Connection primary) throws SQLException {
    String walFile;
    String replayEnd;
    try (Statement s = primary.createStatement();
        ResultSet rs = s.executeQuery(SQL)) {
      rs.next();
      walFile = rs.getString(1);
      replayEnd = rs.getString(2);
    }
    // A WAL file name starts with the timeline as 8 hex digits: 000000020000000000000003.
    int timeline = Integer.parseInt(walFile.substring(0, 8), 16);
    if (timeline == 1) {
      return new PrimaryTimeline(1, null);
    }
    String fromHistory = historySwitchLsn(primary, timeline);
    // pg_last_wal_replay_lsn() stays at the end of recovery until the server restarts; the
    // history file survives restarts but only superusers (or pg_read_server_files) may read it.
    return new PrimaryTimeline(timeline, fromHistory != null ? fromHistory : replayEnd);
  }

  private static String historySwitchLsn(Connection primary, int timeline) {
    String file = String.format(Locale.ROOT, "pg_wal/%08X.history", timeline);
    try (PreparedStatement s = primary.prepareStatement("SELECT pg_read_file(?)")) {
      s.setString(1, file);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? lastSwitchLsn(rs.getString(1)) : null;
      }
    } catch (SQLException e) {
      return null; // not allowed to read it, or it was archived away: fall back to replay end
    }
  }

  /**
   * The switch point of the last entry of a timeline history file, whose lines read {@code <parent
   * timeline> <switch LSN> <reason>}; null when there is none.
   */
  static String lastSwitchLsn(String history) {
    String last = null;
    for (String line : history == null ? new String[0] : history.split("\n")) {
      String[] fields = line.strip().split("\\s+");
      if (fields.length >= 2 && !fields[0].startsWith("#") && fields[1].contains("/")) {
        last = fields[1];
      }
    }
    return last;
  }
}
