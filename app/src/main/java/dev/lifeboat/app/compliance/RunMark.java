package dev.lifeboat.app.compliance;

import java.time.Instant;

/**
 * The newest run, or the newest passing run, of a plan in a mode.
 *
 * @param kind {@code last} or {@code passing}
 * @param verdict {@code pass}, {@code fail}, or null (a tabletop, or a run not yet judged)
 * @param endedAt null while the run has not ended
 */
public record RunMark(
    String kind,
    String planName,
    String mode,
    String runId,
    String status,
    String verdict,
    Instant createdAt,
    Instant endedAt) {
  static final String LAST = "last";
  static final String PASSING = "passing";

  /** When the run counts from: its end, or its launch while it runs. */
  public Instant at() {
    return endedAt == null ? createdAt : endedAt;
  }
}
