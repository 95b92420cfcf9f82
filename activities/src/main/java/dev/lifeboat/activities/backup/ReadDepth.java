package dev.lifeboat.activities.backup;

/**
 * How deeply {@code verify-backup} reads a pg_dump archive to prove it can be restored. Tarballs
 * are always read to their end (tar must decompress the stream to list it) and plain SQL scripts
 * are always checked for pg_dump's closing trailer, whatever the depth.
 */
public enum ReadDepth {
  /**
   * Every data block is read and decompressed ({@code pg_restore -f /dev/null}), besides the table
   * of contents: a dump damaged in the middle fails here, not during the restore.
   */
  FULL("full"),
  /**
   * Only the table of contents ({@code pg_restore --list}): for dumps so large that reading them in
   * full on every check costs too much (see docs/benchmarks.md). Damage inside the data is then
   * found only by the sha256 sidecar, or by the restore.
   */
  TOC("toc");

  private final String label;

  ReadDepth(String label) {
    this.label = label;
  }

  /** {@code full} or {@code toc}, as runbooks write it. */
  public String label() {
    return label;
  }
}
