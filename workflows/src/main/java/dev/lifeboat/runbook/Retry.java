package dev.lifeboat.runbook;

import java.time.Duration;
import java.util.Objects;

/**
 * How Temporal retries a failed step.
 *
 * @param attempts total attempts, including the first (1 = no retry)
 * @param initialInterval wait before the second attempt
 * @param backoff factor applied to the wait after each attempt
 */
public record Retry(int attempts, Duration initialInterval, double backoff) {
  public static final Retry DEFAULT = new Retry(3, Duration.ofSeconds(1), 2.0);

  public Retry {
    Objects.requireNonNull(initialInterval, "initialInterval");
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be >= 1");
    }
    if (backoff < 1.0) {
      throw new IllegalArgumentException("backoff must be >= 1.0");
    }
  }
}
