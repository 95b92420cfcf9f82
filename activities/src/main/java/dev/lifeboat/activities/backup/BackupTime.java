package dev.lifeboat.activities.backup;

import java.time.Instant;

/**
 * When a backup was taken, and from what that is known. A pg_dump archive says when the dump began
 * in its header; a copy, a restore from tape or a {@code touch} leaves that alone while making the
 * file's mtime fresh, so the header is what an archive's age is measured from. Other backups have
 * only their mtime.
 *
 * <p>The header holds a wall-clock time without its zone, read in the zone of the machine holding
 * the file. Should that reading come out later than the file's mtime (which pg_dump's own writing
 * makes later than the dump's start), the zones or clocks disagree, and the older of the two is
 * used: a backup may then look older than it is, never younger.
 *
 * @param source {@link #DUMP_HEADER} or {@link #FILE_MTIME}
 * @param note why the mtime was used for an archive; empty otherwise
 * @param problem why an archive's header could not be read; empty when it could (or for files that
 *     have none)
 */
record BackupTime(Instant at, String source, String note, String problem) {
  static final String DUMP_HEADER = "dump header";
  static final String FILE_MTIME = "file mtime";

  /** A file without a header: its mtime is all there is. */
  static BackupTime ofMtime(Instant mtime) {
    return new BackupTime(mtime, FILE_MTIME, "", "");
  }

  /** An archive whose header gave {@code created}. */
  static BackupTime of(Instant created, Instant mtime) {
    if (created.isAfter(mtime)) {
      return new BackupTime(
          mtime,
          FILE_MTIME,
          "the dump header's time "
              + created
              + " is later than the file's mtime (zones or clocks disagree), so the older is used",
          "");
    }
    return new BackupTime(created, DUMP_HEADER, "", "");
  }

  /** An archive whose header could not be read; its age falls back to the mtime. */
  static BackupTime unreadableHeader(Instant mtime, String problem) {
    return new BackupTime(mtime, FILE_MTIME, "", problem);
  }

  /** {@code by its dump header}, {@code by its mtime}: how an age was measured, for messages. */
  String by() {
    return source.equals(DUMP_HEADER) ? "by its dump header" : "by its mtime";
  }
}
