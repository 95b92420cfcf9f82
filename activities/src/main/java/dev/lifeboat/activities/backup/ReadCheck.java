package dev.lifeboat.activities.backup;

import java.time.Duration;

/**
 * How a backup's readability was proven, and at what cost.
 *
 * @param problem why it could not be read, naming the tool and what it said; empty when readable
 * @param entries the TOC entries (archives) or entries (tarballs) listed; 0 for plain SQL
 * @param depth {@link ReadDepth#FULL} when the backup was read to its end (archives at depth full,
 *     tarballs always, plain SQL scripts checked up to their closing trailer), else TOC
 * @param bytesRead the bytes read through to prove it: the whole backup when read in full, the end
 *     examined for a plain SQL script's trailer, 0 when only the table of contents was read
 * @param took how long the reading commands ran
 */
record ReadCheck(
    boolean readable, int entries, String problem, ReadDepth depth, long bytesRead, Duration took) {

  static ReadCheck unreadable(String problem, ReadDepth depth, Duration took) {
    return new ReadCheck(false, 0, problem, depth, 0, took);
  }
}
