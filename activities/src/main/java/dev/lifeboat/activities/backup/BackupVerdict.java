package dev.lifeboat.activities.backup;

import static dev.lifeboat.activities.HumanUnits.bytes;
import static dev.lifeboat.activities.HumanUnits.duration;

import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.StepFailures;
import dev.lifeboat.activities.postgres.DumpFormat;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Judges the {@link BackupFacts} of a backup against the request. Every check runs even after one
 * fails, so the operator sees all that is wrong at once. The failure is CHECK_FAILED; it is retried
 * only when every problem is one that time can fix (too old, too small, sidecar not written yet): a
 * checksum mismatch or an unreadable archive stays so however often it is checked.
 */
final class BackupVerdict {
  private final Clock clock;

  BackupVerdict(Clock clock) {
    this.clock = clock;
  }

  VerifyBackupResult judge(BackupFacts facts, VerifyBackupRequest request) {
    Problems problems = new Problems();
    Duration age = Duration.between(facts.modifiedAt(), clock.instant());
    age = age.isNegative() ? Duration.ZERO : age; // a clock-skewed future mtime is "just made"
    if (age.compareTo(request.maxAge()) > 0) {
      problems.retryable(
          "backup is " + duration(age) + " old; RPO is " + duration(request.maxAge()));
    }
    if (facts.sizeBytes() < request.minSizeBytes()) {
      problems.retryable(
          "backup is "
              + facts.sizeBytes()
              + " bytes; minimum is "
              + request.minSizeBytes()
              + " bytes");
    }
    boolean checksumVerified = checkSidecar(facts, request.requireChecksum(), problems);
    if (facts.listing() != null && !facts.listing().readable()) {
      problems.permanent(facts.listing().problem());
    } else if (facts.format() == DumpFormat.UNKNOWN) {
      problems.permanent(
          "not a PostgreSQL dump or tarball: no PGDMP archive header, no tar header and no"
              + " 'PostgreSQL database dump' header");
    }
    if (!problems.list.isEmpty()) {
      String message =
          "backup "
              + facts.location()
              + " failed "
              + problems.list.size()
              + (problems.list.size() == 1 ? " check: " : " checks: ")
              + String.join("; ", problems.list);
      throw problems.permanent
          ? StepFailures.permanent(StepFailureType.CHECK_FAILED, message)
          : StepFailures.of(StepFailureType.CHECK_FAILED, message);
    }
    return new VerifyBackupResult(
        facts.path(),
        facts.sizeBytes(),
        facts.modifiedAt(),
        age,
        facts.format().label(),
        facts.sha256(),
        checksumVerified,
        facts.listing() == null ? 0 : facts.listing().entries(),
        summary(facts, age, checksumVerified));
  }

  private static String summary(BackupFacts facts, Duration age, boolean checksumVerified) {
    DumpFormat format = facts.format();
    return format.label()
        + (format.isTarball() ? "" : " dump")
        + (facts.host() == null ? "" : " on host " + facts.host())
        + ", "
        + bytes(facts.sizeBytes())
        + ", "
        + duration(age)
        + " old, "
        + (checksumVerified ? "sha256 verified" : "no checksum sidecar")
        + (facts.listing() == null
            ? ""
            : ", "
                + facts.listing().entries()
                + (format.isArchive() ? " TOC entries" : " entries"));
  }

  /** Compares the sidecar when there is one; adds a problem and returns false when it fails. */
  private static boolean checkSidecar(BackupFacts facts, boolean required, Problems problems) {
    ChecksumSidecar sidecar = facts.sidecar();
    if (!sidecar.exists()) {
      if (required) {
        problems.retryable("checksum required but no sidecar " + sidecar.path() + " exists");
      }
      return false;
    }
    Optional<String> expected = sidecar.expectedDigest();
    if (expected.isEmpty()) {
      problems.permanent(
          "sidecar "
              + sidecar.path()
              + " is not in sha256sum format: '"
              + sidecar.firstLineExcerpt()
              + "'");
      return false;
    }
    if (!expected.get().equals(facts.sha256())) {
      problems.permanent(
          "sha256 mismatch: file "
              + abbreviate(facts.sha256())
              + " sidecar "
              + abbreviate(expected.get()));
      return false;
    }
    return true;
  }

  private static String abbreviate(String hex) {
    return hex.substring(0, 12) + "…";
  }

  /** The failed checks, and whether any of them is one that waiting cannot fix. */
  private static final class Problems {
    final List<String> list = new ArrayList<>();
    boolean permanent;

    void retryable(String problem) {
      list.add(problem);
    }

    void permanent(String problem) {
      list.add(problem);
      permanent = true;
    }
  }
}
