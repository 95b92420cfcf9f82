package dev.lifeboat.activities.backup;

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
 * checksum mismatch or an unreadable archive stays so however often it is checked. An archive's age
 * is measured from its own header, not from the file's mtime ({@link BackupTime}).
 */
final class BackupVerdict {
  private final Clock clock;

  BackupVerdict(Clock clock) {
    this.clock = clock;
  }

  VerifyBackupResult judge(BackupFacts facts, VerifyBackupRequest request) {
    Problems problems = new Problems();
    BackupTime taken = facts.taken();
    Duration age = Duration.between(taken.at(), clock.instant());
    age = age.isNegative() ? Duration.ZERO : age; // a clock-skewed future time is "just made"
    if (age.compareTo(request.maxAge()) > 0) {
      problems.retryable(
          "backup is "
              + duration(age)
              + " old "
              + taken.by()
              + "; RPO is "
              + duration(request.maxAge()));
    }
    if (!taken.problem().isEmpty()) {
      problems.permanent("cannot read when the dump was taken from its header: " + taken.problem());
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
    ReadCheck read = facts.read();
    if (read != null && !read.readable()) {
      problems.permanent(read.problem());
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
        read.entries(),
        BackupSummary.of(facts, age, checksumVerified),
        taken.at(),
        taken.source(),
        read.depth().label(),
        read.bytesRead(),
        read.took());
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
