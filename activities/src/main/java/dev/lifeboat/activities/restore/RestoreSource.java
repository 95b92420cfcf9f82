package dev.lifeboat.activities.restore;

import dev.lifeboat.activities.FileSizes;
import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.StepFailures;
import dev.lifeboat.activities.postgres.DumpFormat;
import dev.lifeboat.activities.postgres.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The dump a restore reads: where it is, how to restore it, its digest (the restore stamp) and
 * size. Any problem reading it is BAD_INPUT: retrying will not make an unreadable file readable.
 */
record RestoreSource(Path path, DumpFormat format, RestoreStamp stamp, long sizeBytes) {

  static RestoreSource inspect(Path path, RestoreFormat requested) {
    if (!Files.exists(path)) {
      throw StepFailures.of(StepFailureType.BAD_INPUT, "dump not found: " + path);
    }
    try {
      return new RestoreSource(
          path, format(path, requested), new RestoreStamp(Sha256.of(path)), FileSizes.total(path));
    } catch (IOException e) {
      throw StepFailures.of(StepFailureType.BAD_INPUT, "cannot read " + path + ": " + e, e);
    }
  }

  /** {@code pg_restore} for archives, {@code psql} for SQL scripts. */
  String tool() {
    return format.isArchive() ? "pg_restore" : "psql";
  }

  private static DumpFormat format(Path path, RestoreFormat requested) throws IOException {
    if (requested == RestoreFormat.PLAIN) {
      return DumpFormat.PLAIN; // explicitly asked for: run it with psql whatever its header says
    }
    DumpFormat detected = DumpFormat.detect(path);
    if (requested == RestoreFormat.CUSTOM && !detected.isArchive()) {
      throw StepFailures.of(
          StepFailureType.BAD_INPUT,
          path + " is not a pg_dump archive (no PGDMP or tar header) but format is custom");
    }
    if (detected == DumpFormat.UNKNOWN) {
      throw StepFailures.of(
          StepFailureType.BAD_INPUT,
          "cannot tell the format of "
              + path
              + ": it is neither a pg_dump archive nor a pg_dump"
              + " SQL script; set format: plain to run it with psql anyway");
    }
    return detected;
  }
}
