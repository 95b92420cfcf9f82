package dev.lifeboat.activities.backup;

import dev.lifeboat.activities.postgres.DumpFormat;
import java.util.List;
import java.util.Optional;

/**
 * How a backup's readability is proven, the same on the worker and on a host: {@code pg_restore
 * --list} for pg_dump archives, {@code tar -t} for tarballs. Both list every entry, so a truncated
 * or corrupt file fails here rather than when it is restored.
 *
 * @param tool the program, found on the {@code PATH} (pg_restore locally through {@code PgTools})
 * @param args its arguments, the backup's path last
 * @param what what is read, for messages ({@code the archive}, {@code the tarball})
 */
record ListingCommand(String tool, List<String> args, String what) {
  static final String PG_RESTORE = "pg_restore";

  /** The listing for {@code format}, or empty for formats that have none (plain SQL). */
  static Optional<ListingCommand> of(DumpFormat format, String path) {
    if (format.isArchive()) {
      return Optional.of(new ListingCommand(PG_RESTORE, List.of("--list", path), "the archive"));
    }
    if (format.isTarball()) {
      String flags = format == DumpFormat.GZIP_TARBALL ? "-tzf" : "-tf";
      return Optional.of(new ListingCommand("tar", List.of(flags, path), "the tarball"));
    }
    return Optional.empty();
  }

  /** Whether an output line names an entry; pg_restore's header comment lines start with ';'. */
  boolean isEntry(String line) {
    return !line.isBlank() && !(tool.equals(PG_RESTORE) && line.startsWith(";"));
  }

  /** {@code pg_restore --list cannot read the archive: PROBLEM}. */
  Listing unreadable(String problem) {
    return Listing.unreadable(tool + " " + args.get(0) + " cannot read " + what + ": " + problem);
  }
}
