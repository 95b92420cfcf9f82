package dev.lifeboat.activities.backup;

import dev.lifeboat.activities.postgres.DumpFormat;
import java.time.Instant;

/**
 * What was measured about one backup, on the worker or on a host: the same facts either way, so
 * {@link BackupVerdict} judges both alike.
 *
 * @param host the configured host the backup is on, or {@code null} for the worker's filesystem
 * @param sidecar its sha256 sidecar (which may not exist)
 * @param listing the outcome of its {@link ListingCommand}, or {@code null} for formats that have
 *     none (plain SQL, unknown)
 */
record BackupFacts(
    String host,
    String path,
    long sizeBytes,
    Instant modifiedAt,
    DumpFormat format,
    String sha256,
    ChecksumSidecar sidecar,
    Listing listing) {

  /** {@code /backups/app.dump}, or {@code /backups/app.dump on host db-1}. */
  String location() {
    return location(host, path);
  }

  static String location(String host, String path) {
    return host == null ? path : path + " on host " + host;
  }
}
