package dev.lifeboat.activities.restore;

import java.util.regex.Pattern;

/**
 * The comment Lifeboat puts on a database after restoring a dump into it: {@code lifeboat-restore
 * sha256=<digest of the dump>}. Finding it is how a retried restore knows it already succeeded.
 */
record RestoreStamp(String dumpSha256) {
  private static final String PREFIX = "lifeboat-restore sha256=";
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

  RestoreStamp {
    // The stamp is written into SQL as a literal (COMMENT takes no bind parameters), so only a
    // plain lowercase hex digest may ever reach it.
    if (!HEX.matcher(dumpSha256).matches()) {
      throw new IllegalArgumentException("not a sha256 hex digest: " + dumpSha256);
    }
  }

  /** The comment text. */
  String text() {
    return PREFIX + dumpSha256;
  }

  /** Whether a database comment is this stamp. */
  boolean matches(String comment) {
    return text().equals(comment);
  }

  /** Whether a database comment is any Lifeboat stamp (a restore of some other dump). */
  static boolean isStamp(String comment) {
    return comment != null && comment.startsWith(PREFIX);
  }

  /** {@code COMMENT ON DATABASE "<db>" IS '<stamp>'} for an already quoted database name. */
  String commentSql(String quotedDatabase) {
    return "COMMENT ON DATABASE " + quotedDatabase + " IS '" + text() + "'";
  }
}
