package dev.lifeboat.activities.health;

/**
 * The heartbeat details while polling: how many probes so far and what the last one saw.
 *
 * @param windowStartedMillis when the {@code until_healthy} window began (epoch milliseconds), so a
 *     retried attempt polls only what is left of it; 0 in details from older workers
 */
public record HealthProgress(int probes, String lastObservation, long windowStartedMillis) {
  /** Progress without a window start (a probe heartbeating while it runs). */
  public HealthProgress(int probes, String lastObservation) {
    this(probes, lastObservation, 0);
  }
}
