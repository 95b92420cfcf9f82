package dev.lifeboat.activities.backup;

import java.time.Duration;
import java.util.Objects;

/**
 * What {@code verify-backup} checks about one backup file.
 *
 * @param path the backup file
 * @param maxAge the oldest acceptable backup (defaults to the plan's RPO)
 * @param minSizeBytes the smallest acceptable size; catches empty or truncated dumps
 * @param requireChecksum fail when no {@code <path>.sha256} sidecar exists (when present it is
 *     always checked)
 * @param host the configured host the file is on, checked over SSH; {@code null} for the worker's
 *     own filesystem
 * @param depth how deeply a pg_dump archive is read; {@code null} (as in requests recorded before
 *     there was a choice) reads it in full
 */
public record VerifyBackupRequest(
    String path,
    Duration maxAge,
    long minSizeBytes,
    boolean requireChecksum,
    String host,
    ReadDepth depth) {
  public VerifyBackupRequest {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(maxAge, "maxAge");
    if (minSizeBytes < 0) {
      throw new IllegalArgumentException("minSizeBytes must be >= 0");
    }
    if (host != null && host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    depth = depth == null ? ReadDepth.FULL : depth;
  }

  /** A backup on {@code host} (or the worker's filesystem when null), read in full. */
  public VerifyBackupRequest(
      String path, Duration maxAge, long minSizeBytes, boolean requireChecksum, String host) {
    this(path, maxAge, minSizeBytes, requireChecksum, host, ReadDepth.FULL);
  }

  /** A backup on the worker's own filesystem, read in full. */
  public VerifyBackupRequest(
      String path, Duration maxAge, long minSizeBytes, boolean requireChecksum) {
    this(path, maxAge, minSizeBytes, requireChecksum, null);
  }
}
