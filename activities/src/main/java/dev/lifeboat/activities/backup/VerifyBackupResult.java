package dev.lifeboat.activities.backup;

import dev.lifeboat.activities.StepResult;
import java.time.Duration;
import java.time.Instant;

/**
 * What {@code verify-backup} measured.
 *
 * @param modifiedAt the file's mtime
 * @param observedRpo the backup's age when checked, from {@code takenAt}: the data loss if it were
 *     restored now
 * @param format {@code custom}, {@code tar}, {@code directory}, {@code plain}, {@code tarball} or
 *     {@code gzip tarball}
 * @param sha256 the file's digest (computed even without a sidecar, for the record)
 * @param checksumVerified whether a sidecar existed and matched
 * @param entries the TOC entries {@code pg_restore --list} read, or the entries of a tarball (0 for
 *     plain SQL)
 * @param takenAt when the backup was taken: a pg_dump archive's creation time from its header, else
 *     the file's mtime
 * @param ageSource what {@code takenAt} comes from: {@code dump header} or {@code file mtime}
 * @param readDepth {@code full} when the backup was read to its end (every data block of an archive
 *     decompressed, a tarball's whole stream, a plain script's closing trailer found), or {@code
 *     toc} when only an archive's table of contents was read
 * @param bytesRead the bytes read through to prove it readable: its size when read in full, the end
 *     examined for a plain script, 0 at depth toc
 * @param readTook how long the reading took
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
    String summary,
    Instant takenAt,
    String ageSource,
    String readDepth,
    long bytesRead,
    Duration readTook)
    implements StepResult {}
