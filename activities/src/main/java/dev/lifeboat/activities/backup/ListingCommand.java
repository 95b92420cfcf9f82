package dev.lifeboat.activities.backup;

import dev.lifeboat.activities.postgres.DumpFormat;
import java.util.List;
import java.util.Optional;

/**
 * A command that reads a backup to prove it is readable, the same on the worker and on a host:
 * {@code pg_restore --list} (the table of contents) and {@code pg_restore -f /dev/null} (every data
 * block, decompressed) for pg_dump archives, {@code tar -t} for tarballs. A truncated or corrupt
 * file fails here rather than when it is restored.
 *
 * @param tool the program, found on the {@code PATH} (pg_restore locally through {@code PgTools})
 * @param args its arguments, the backup's path last
 * @param what what is read, for messages ({@code the archive}, {@code the tarball})
 */
record ListingCommand(String tool, List<String> args, String what) {
  static final String PG_RESTORE = "pg_restore";

  /** The listing of entries for {@code format}, or empty for formats that have none (plain SQL). */
  static Optional<ListingCommand> of(DumpFormat format, String path) {
    if (format.isArchive()) {
      return Optional.of(new ListingCommand(PG_RESTORE, List.of("--list", path), "the archive"));
    }
    if (format.isTarball()) {
      // GNU tar reads a compressed stream to its end and fails when gzip reports damage (a bad
      // block or CRC), so listing a tarball already reads it in full.
      String flags = format == DumpFormat.GZIP_TARBALL ? "-tzf" : "-tf";
      return Optional.of(new ListingCommand("tar", List.of(flags, path), "the tarball"));
    }
    return Optional.empty();
  }

  /**
   * For pg_dump archives: a restore into nowhere, which reads and decompresses every data block (a
   * listing reads only the table of contents); empty for other formats.
   */
  static Optional<ListingCommand> fullRead(DumpFormat format, String path) {
    return format.isArchive()
        ? Optional.of(
            new ListingCommand(PG_RESTORE, List.of("-f", "/dev/null", path), "the archive in full"))
        : Optional.empty();
  }

  /** Whether an output line names an entry; pg_restore's header comment lines start with ';'. */
  boolean isEntry(String line) {
    return !line.isBlank() && !(tool.equals(PG_RESTORE) && line.startsWith(";"));
  }

  /** The command without the backup's path: {@code pg_restore --list}, {@code tar -tzf}. */
  String shown() {
    return tool + " " + String.join(" ", args.subList(0, args.size() - 1));
  }

  /** {@code pg_restore --list cannot read the archive: PROBLEM}. */
  String unreadable(String problem) {
    return shown() + " cannot read " + what + ": " + problem;
  }
}
