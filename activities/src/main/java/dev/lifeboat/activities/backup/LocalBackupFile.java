package dev.lifeboat.activities.backup;

import dev.lifeboat.activities.FileSizes;
import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.StepFailures;
import dev.lifeboat.activities.postgres.DumpFormat;
import dev.lifeboat.activities.postgres.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Measures a backup on the worker's filesystem: a dump file, a dump directory or a tarball. */
final class LocalBackupFile {
  private final ArchiveToc toc;

  LocalBackupFile(ArchiveToc toc) {
    this.toc = toc;
  }

  /** The facts, or a non-retryable CHECK_FAILED when there is no readable backup at the path. */
  BackupFacts inspect(Path path) throws IOException {
    if (!Files.exists(path)) {
      throw StepFailures.permanent(StepFailureType.CHECK_FAILED, "backup not found: " + path);
    }
    boolean directory = Files.isDirectory(path);
    if (!directory && !Files.isRegularFile(path)) {
      throw StepFailures.permanent(
          StepFailureType.CHECK_FAILED, "backup " + path + " is not a regular file");
    }
    if (!Files.isReadable(path)) {
      throw StepFailures.permanent(
          StepFailureType.CHECK_FAILED, "backup " + path + " is not readable by the worker");
    }
    DumpFormat format = DumpFormat.detect(path);
    long size = directory ? FileSizes.total(path) : Files.size(path);
    Path stampFile = format == DumpFormat.DIRECTORY ? path.resolve("toc.dat") : path;
    Instant modifiedAt = Files.getLastModifiedTime(stampFile).toInstant();
    return new BackupFacts(
        null,
        path.toString(),
        size,
        modifiedAt,
        format,
        Sha256.of(path),
        ChecksumSidecar.beside(path),
        ListingCommand.of(format, path.toString()).map(toc::list).orElse(null));
  }
}
