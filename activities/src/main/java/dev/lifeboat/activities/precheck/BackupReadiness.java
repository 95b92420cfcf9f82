package dev.lifeboat.activities.precheck;

import dev.lifeboat.activities.HumanUnits;
import dev.lifeboat.activities.backup.ReadDepth;
import dev.lifeboat.activities.backup.VerifyBackupActivity;
import dev.lifeboat.activities.backup.VerifyBackupRequest;
import dev.lifeboat.activities.backup.VerifyBackupResult;
import io.temporal.failure.ApplicationFailure;

/**
 * Checks a backup as verify-backup does (age from the dump's own header against the RPO, size,
 * sha256 sidecar, archive readable), reading only a pg_dump archive's table of contents: a daily
 * precheck should not read every large dump in full. A backup older than {@link #NEAR_RPO} of its
 * RPO warns, so the team hears before the plan fails.
 */
final class BackupReadiness {
  /** The fraction of the RPO past which a backup that still passes is reported as a warning. */
  static final double NEAR_RPO = 0.75;

  private final VerifyBackupActivity verifier;

  BackupReadiness(VerifyBackupActivity verifier) {
    this.verifier = verifier;
  }

  CheckLine check(String stepId, VerifyBackupRequest wanted) {
    String check =
        "backup " + wanted.path() + (wanted.host() == null ? "" : " on " + wanted.host());
    VerifyBackupRequest request =
        new VerifyBackupRequest(
            wanted.path(),
            wanted.maxAge(),
            wanted.minSizeBytes(),
            wanted.requireChecksum(),
            wanted.host(),
            ReadDepth.TOC);
    try {
      VerifyBackupResult result = verifier.verifyBackup(request);
      String measured =
          "backup age "
              + HumanUnits.duration(result.observedRpo())
              + " (rpo "
              + HumanUnits.duration(request.maxAge())
              + "), "
              + (result.checksumVerified() ? "sha256 verified" : "no sha256 sidecar");
      if (result.observedRpo().toMillis() > request.maxAge().toMillis() * NEAR_RPO) {
        return CheckLine.warn(stepId, check, measured + "; over 3/4 of the RPO");
      }
      if (!result.checksumVerified()) {
        return CheckLine.warn(stepId, check, measured + ", so the checksum was not verified");
      }
      return CheckLine.ok(stepId, check, measured);
    } catch (ApplicationFailure failure) {
      return CheckLine.fail(stepId, check, failure.getOriginalMessage());
    }
  }
}
