package dev.lifeboat.activities.backup;

import dev.lifeboat.activities.postgres.DumpFormat;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a backup as deeply as asked, the same whether the commands run on the worker or on a host:
 * an archive's table of contents and then, at depth full, every data block; a tarball's whole
 * stream; the end of a plain SQL script, which pg_dump closes with a trailer only when it finished.
 */
final class BackupReading {
  /** How much of a plain script's end is examined for the trailer (it is the last few lines). */
  static final int TRAILER_WINDOW = 4096;

  /**
   * pg_dump's and pg_dumpall's last comment; newer versions follow it with an unrestrict command.
   */
  private static final Pattern TRAILER =
      Pattern.compile("-- PostgreSQL database (cluster )?dump complete");

  /** Where the reading runs: on the worker's filesystem or on a host. */
  interface Reader {
    /** Runs {@code command} to its end, counting the output lines that are entries. */
    Run run(ListingCommand command);

    /** The last {@code bytes} bytes of the backup (all of it when it is shorter). */
    byte[] tail(int bytes);
  }

  /**
   * How one reading command ended.
   *
   * @param errors the end of its stderr, on one line
   */
  record Run(boolean succeeded, int entries, String errors, Duration took) {}

  private BackupReading() {}

  /** The check for a backup of {@code format}, or {@code null} when the format has none. */
  static ReadCheck read(
      DumpFormat format, String path, long sizeBytes, ReadDepth depth, Reader reader) {
    if (format == DumpFormat.PLAIN) {
      return trailer(reader);
    }
    Optional<ListingCommand> listing = ListingCommand.of(format, path);
    if (listing.isEmpty()) {
      return null;
    }
    Run list = reader.run(listing.get());
    if (!list.succeeded()) {
      return ReadCheck.unreadable(
          listing.get().unreadable(list.errors()), ReadDepth.TOC, list.took());
    }
    Optional<ListingCommand> full =
        depth == ReadDepth.FULL ? ListingCommand.fullRead(format, path) : Optional.empty();
    Duration took = list.took();
    if (full.isPresent()) {
      Run all = reader.run(full.get());
      took = took.plus(all.took());
      if (!all.succeeded()) {
        return ReadCheck.unreadable(full.get().unreadable(all.errors()), ReadDepth.FULL, took);
      }
    }
    boolean whole = full.isPresent() || format.isTarball();
    return new ReadCheck(
        true,
        list.entries(),
        "",
        whole ? ReadDepth.FULL : ReadDepth.TOC,
        whole ? sizeBytes : 0,
        took);
  }

  private static ReadCheck trailer(Reader reader) {
    long started = System.nanoTime();
    byte[] end = reader.tail(TRAILER_WINDOW);
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    // ISO-8859-1 maps every byte to one char, so the ASCII trailer is found in any encoding.
    if (TRAILER.matcher(new String(end, StandardCharsets.ISO_8859_1)).find()) {
      return new ReadCheck(true, 0, "", ReadDepth.FULL, end.length, took);
    }
    return ReadCheck.unreadable(
        "the SQL script does not end with pg_dump's '-- PostgreSQL database dump complete'"
            + " trailer: it was cut short, or pg_dump did not finish",
        ReadDepth.FULL,
        took);
  }
}
