package dev.lifeboat.activities.backup;

import dev.lifeboat.activities.FileSizes;
import dev.lifeboat.activities.Sha256;
import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.StepFailures;
import dev.lifeboat.activities.postgres.DumpFormat;
import dev.lifeboat.activities.postgres.DumpHeader;
import dev.lifeboat.activities.postgres.PgTools;
import dev.lifeboat.activities.process.ToolProgress;
import dev.lifeboat.activities.process.ToolRunner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Consumer;

/** Measures a backup on the worker's filesystem: a dump file, a dump directory or a tarball. */
final class LocalBackupFile {
  private final PgTools tools;
  private final ToolRunner runner;

  LocalBackupFile(PgTools tools, ToolRunner runner) {
    this.tools = tools;
    this.runner = runner;
  }

  /**
   * The facts, or a non-retryable CHECK_FAILED when there is no readable backup at the path.
   *
   * @param progress hears every tick of a reading tool
   */
  BackupFacts inspect(Path path, ReadDepth depth, Consumer<ToolProgress> progress)
      throws IOException {
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
        format.isArchive() ? taken(stampFile, format, modifiedAt) : BackupTime.ofMtime(modifiedAt),
        format,
        Sha256.of(path),
        ChecksumSidecar.beside(path),
        BackupReading.read(
            format, path.toString(), size, depth, new WorkerReads(tools, runner, path, progress)));
  }

  /** From the archive's header, read in the worker's zone as pg_restore would read it here. */
  private static BackupTime taken(Path headerFile, DumpFormat format, Instant modifiedAt)
      throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(headerFile)) {
      head = in.readNBytes(DumpFormat.HEAD_BYTES);
    }
    try {
      DumpHeader header = DumpHeader.read(head, format);
      return BackupTime.of(header.createdIn(ZoneId.systemDefault()).toInstant(), modifiedAt);
    } catch (IllegalArgumentException e) {
      return BackupTime.unreadableHeader(modifiedAt, e.getMessage());
    }
  }
}
