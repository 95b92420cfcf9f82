package dev.lifeboat.activities.backup;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * {@code verify-backup}: proves a PostgreSQL dump on the local filesystem can be trusted: it
 * exists, is younger than the allowed age, is not suspiciously small, matches its {@code .sha256}
 * sidecar, and {@code pg_restore --list} can read it. Read-only, so safe to retry. Every failed
 * check names what failed and the measured value.
 */
@ActivityInterface
public interface VerifyBackupActivity {
  @ActivityMethod
  VerifyBackupResult verifyBackup(VerifyBackupRequest request);
}
