package dev.lifeboat.activities.backup;

import dev.lifeboat.activities.postgres.DumpFormat;
import java.time.Instant;

/**
 * What was measured about one backup, on the worker or on a host: the same facts either way, so
 * {@link BackupVerdict} judges both alike.
 *
 * @param host the configured host the backup is on, or {@code null} for the worker's filesystem
 * @param taken when the backup was taken, and how that is known
 * @param sidecar its sha256 sidecar (which may not exist)
 * @param read how it was read, or {@code null} for a format that cannot be read (unknown)
 */
record BackupFacts(
    String host,
    String path,
    long sizeBytes,
    Instant modifiedAt,
    BackupTime taken,
    DumpFormat format,
    String sha256,
    ChecksumSidecar sidecar,
    ReadCheck read) {

  /** {@code /backups/app.dump}, or {@code /backups/app.dump on host db-1}. */
  String location() {
    return location(host, path);
  }

  static String location(String host, String path) {
    return host == null ? path : path + " on host " + host;
  }
}
