package dev.lifeboat.activities.backup;

import java.time.Duration;
import java.time.Instant;

/**
 * What {@code verify-backup} measured.
 *
 * @param format {@code custom}, {@code tar}, {@code directory} or {@code plain}
 * @param sha256 the file's digest (computed even without a sidecar, for the record)
 * @param checksumVerified whether a sidecar existed and matched
 * @param entries the number of TOC entries {@code pg_restore --list} read (0 for plain SQL)
 * @param observedRpo the backup's age when checked: the data loss if it were restored now
 */
public record VerifyBackupResult(
    String path,
    long sizeBytes,
    Instant modifiedAt,
    Duration observedRpo,
    String format,
    String sha256,
    boolean checksumVerified,
    int entries,
    String summary) {}
