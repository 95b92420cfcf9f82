package dev.lifeboat.activities.backup;

import static dev.lifeboat.activities.HumanUnits.bytes;
import static dev.lifeboat.activities.HumanUnits.duration;

import dev.lifeboat.activities.postgres.DumpFormat;
import java.time.Duration;

/** The one-line summary of a verified backup, as the run's record and timeline show it. */
final class BackupSummary {
  private BackupSummary() {}

  /**
   * {@code custom dump, 4.2 MB, 3h old by its dump header, sha256 verified, 7 TOC entries, read in
   * full (4.2 MB in 1s)}.
   */
  static String of(BackupFacts facts, Duration age, boolean checksumVerified) {
    DumpFormat format = facts.format();
    ReadCheck read = facts.read();
    return format.label()
        + (format.isTarball() ? "" : " dump")
        + (facts.host() == null ? "" : " on host " + facts.host())
        + ", "
        + bytes(facts.sizeBytes())
        + ", "
        + duration(age)
        + " old "
        + facts.taken().by()
        + (facts.taken().note().isEmpty() ? "" : " (" + facts.taken().note() + ")")
        + ", "
        + (checksumVerified ? "sha256 verified" : "no checksum sidecar")
        + (format == DumpFormat.PLAIN
            ? ""
            : ", " + read.entries() + (format.isArchive() ? " TOC entries" : " entries"))
        + ", "
        + howRead(format, read);
  }

  private static String howRead(DumpFormat format, ReadCheck read) {
    if (format == DumpFormat.PLAIN) {
      return "ends with pg_dump's 'dump complete' trailer";
    }
    return read.depth() == ReadDepth.FULL
        ? "read in full (" + bytes(read.bytesRead()) + " in " + duration(read.took()) + ")"
        : "table of contents only (depth: toc)";
  }
}
