package dev.lifeboat.activities.backup;

import static dev.lifeboat.activities.HumanUnits.bytes;
import static dev.lifeboat.activities.HumanUnits.duration;

import dev.lifeboat.activities.FileSizes;
import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.StepFailures;
import dev.lifeboat.activities.postgres.DumpFormat;
import dev.lifeboat.activities.postgres.PgTools;
import dev.lifeboat.activities.postgres.Sha256;
import dev.lifeboat.activities.process.ToolRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a dump on the worker's filesystem. Every check runs even after one fails, so the operator
 * sees all that is wrong with a backup at once; the failure is CHECK_FAILED (retryable: a newer
 * backup may land before the next attempt). Read-only.
 */
public final class VerifyBackupActivityImpl implements VerifyBackupActivity {
  private final Clock clock;
  private final ArchiveToc toc;

  public VerifyBackupActivityImpl(Clock clock, PgTools tools) {
    this.clock = clock;
    this.toc = new ArchiveToc(tools, ToolRunner.standard());
  }

  @Override
  public VerifyBackupResult verifyBackup(VerifyBackupRequest request) {
    Path path = Path.of(request.path());
    try {
      return verify(path, request);
    } catch (IOException e) {
      throw StepFailures.of(
          StepFailureType.CHECK_FAILED, "cannot read backup " + path + ": " + e.getMessage(), e);
    }
  }

  private VerifyBackupResult verify(Path path, VerifyBackupRequest request) throws IOException {
    if (!Files.exists(path)) {
      throw StepFailures.of(StepFailureType.CHECK_FAILED, "backup not found: " + path);
    }
    boolean directory = Files.isDirectory(path);
    if (!directory && !Files.isRegularFile(path)) {
      throw StepFailures.of(
          StepFailureType.CHECK_FAILED, "backup " + path + " is not a regular file");
    }
    if (!Files.isReadable(path)) {
      throw StepFailures.of(
          StepFailureType.CHECK_FAILED, "backup " + path + " is not readable by the worker");
    }
    List<String> problems = new ArrayList<>();
    DumpFormat format = DumpFormat.detect(path);

    long size = directory ? FileSizes.total(path) : Files.size(path);
    Path stampFile = format == DumpFormat.DIRECTORY ? path.resolve("toc.dat") : path;
    Instant modifiedAt = Files.getLastModifiedTime(stampFile).toInstant();
    Duration age = Duration.between(modifiedAt, clock.instant());
    age = age.isNegative() ? Duration.ZERO : age; // a clock-skewed future mtime is "just made"
    if (age.compareTo(request.maxAge()) > 0) {
      problems.add("backup is " + duration(age) + " old; RPO is " + duration(request.maxAge()));
    }
    if (size < request.minSizeBytes()) {
      problems.add("backup is " + size + " bytes; minimum is " + request.minSizeBytes() + " bytes");
    }

    String sha256 = Sha256.of(path);
    boolean checksumVerified = checkSidecar(path, sha256, request.requireChecksum(), problems);

    int entries = 0;
    if (format.isArchive()) {
      ArchiveToc.Listing listing = toc.list(path);
      if (listing.readable()) {
        entries = listing.entries();
      } else {
        problems.add("pg_restore --list cannot read the archive: " + listing.problem());
      }
    } else if (format == DumpFormat.UNKNOWN) {
      problems.add(
          "not a PostgreSQL dump: no PGDMP archive header, no tar header and no"
              + " 'PostgreSQL database dump' header");
    }

    if (!problems.isEmpty()) {
      throw StepFailures.of(
          StepFailureType.CHECK_FAILED,
          "backup "
              + path
              + " failed "
              + problems.size()
              + (problems.size() == 1 ? " check: " : " checks: ")
              + String.join("; ", problems));
    }
    String summary =
        format.label()
            + " dump, "
            + bytes(size)
            + ", "
            + duration(age)
            + " old, "
            + (checksumVerified ? "sha256 verified" : "no checksum sidecar")
            + (format.isArchive() ? ", " + entries + " TOC entries" : "");
    return new VerifyBackupResult(
        path.toString(),
        size,
        modifiedAt,
        age,
        format.label(),
        sha256,
        checksumVerified,
        entries,
        summary);
  }

  /** Compares the sidecar when there is one; adds a problem and returns false when it fails. */
  private static boolean checkSidecar(
      Path path, String sha256, boolean required, List<String> problems) throws IOException {
    ChecksumSidecar sidecar = ChecksumSidecar.beside(path);
    if (!sidecar.exists()) {
      if (required) {
        problems.add("checksum required but no sidecar " + sidecar.path() + " exists");
      }
      return false;
    }
    Optional<String> expected = sidecar.expectedDigest();
    if (expected.isEmpty()) {
      problems.add(
          "sidecar "
              + sidecar.path()
              + " is not in sha256sum format: '"
              + sidecar.firstLineExcerpt()
              + "'");
      return false;
    }
    if (!expected.get().equals(sha256)) {
      problems.add(
          "sha256 mismatch: file " + abbreviate(sha256) + " sidecar " + abbreviate(expected.get()));
      return false;
    }
    return true;
  }

  private static String abbreviate(String hex) {
    return hex.substring(0, 12) + "…";
  }
}
