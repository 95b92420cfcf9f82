package dev.lifeboat.activities.backup;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * {@code verify-backup}: proves a backup can be trusted, on the worker's filesystem or, with a
 * {@code host}, on that host over SSH (the same checks run there): it exists, is younger than the
 * allowed age, is not suspiciously small, matches its {@code .sha256} sidecar, and can be read in
 * full: {@code pg_restore --list} for pg_dump archives, {@code tar -t} for tarballs (plain or
 * gzip), the pg_dump header for SQL scripts. Read-only, so safe to retry. Every failed check names
 * what failed and the measured value; only failures that time can fix (too old, too small, sidecar
 * not written yet) are retried. A missing file, a checksum mismatch or an unreadable archive is
 * final.
 */
@ActivityInterface
public interface VerifyBackupActivity {
  @ActivityMethod
  VerifyBackupResult verifyBackup(VerifyBackupRequest request);
}
