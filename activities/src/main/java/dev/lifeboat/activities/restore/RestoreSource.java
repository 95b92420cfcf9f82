package dev.lifeboat.activities.restore;

import dev.lifeboat.activities.FileSizes;
import dev.lifeboat.activities.Sha256;
import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.StepFailures;
import dev.lifeboat.activities.postgres.DumpFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The dump a restore reads: where it is, how to restore it, its digest (the restore stamp) and
 * size. Any problem reading it is BAD_INPUT: retrying will not make an unreadable file readable.
 *
 * @param path the dump's path, on the worker or on the host that restores it
 * @param location the path as messages name it: {@code /b/app.dump on host db-1} for a host
 */
record RestoreSource(
    String path, String location, DumpFormat format, RestoreStamp stamp, long sizeBytes) {

  /** A dump on the worker's filesystem. */
  static RestoreSource inspect(Path path, RestoreFormat requested) {
    if (!Files.exists(path)) {
      throw StepFailures.of(StepFailureType.BAD_INPUT, "dump not found: " + path);
    }
    try {
      return of(
          path.toAbsolutePath().toString(),
          path.toString(),
          DumpFormat.detect(path),
          Sha256.of(path),
          FileSizes.total(path),
          requested);
    } catch (IOException e) {
      throw StepFailures.of(StepFailureType.BAD_INPUT, "cannot read " + path + ": " + e, e);
    }
  }

  /** A dump measured wherever it is; decides how it is restored. */
  static RestoreSource of(
      String path,
      String location,
      DumpFormat detected,
      String sha256,
      long sizeBytes,
      RestoreFormat requested) {
    return new RestoreSource(
        path, location, format(location, detected, requested), new RestoreStamp(sha256), sizeBytes);
  }

  /** {@code pg_restore} for archives, {@code psql} for SQL scripts. */
  String tool() {
    return format.isArchive() ? "pg_restore" : "psql";
  }

  /** The dump's file name, for summaries. */
  String fileName() {
    return Path.of(path).getFileName().toString();
  }

  private static DumpFormat format(String location, DumpFormat detected, RestoreFormat requested) {
    if (requested == RestoreFormat.PLAIN) {
      return DumpFormat.PLAIN; // explicitly asked for: run it with psql whatever its header says
    }
    if (detected.isTarball()) {
      throw StepFailures.of(
          StepFailureType.BAD_INPUT,
          location
              + " is a "
              + detected.label()
              + " of files, not a pg_dump; restore it into a directory with host and to");
    }
    if (requested == RestoreFormat.CUSTOM && !detected.isArchive()) {
      throw StepFailures.of(
          StepFailureType.BAD_INPUT,
          location + " is not a pg_dump archive (no PGDMP or tar header) but format is custom");
    }
    if (detected == DumpFormat.UNKNOWN) {
      throw StepFailures.of(
          StepFailureType.BAD_INPUT,
          "cannot tell the format of "
              + location
              + ": it is neither a pg_dump archive nor a pg_dump"
              + " SQL script; set format: plain to run it with psql anyway");
    }
    return detected;
  }
}
