package dev.lifeboat.runbook;

import java.time.Duration;
import java.util.Objects;

/**
 * How a step is run, whatever its kind.
 *
 * @param timeout the longest one attempt may take
 */
public record StepPolicy(Duration timeout, Retry retry, OnFailure onFailure) {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

  public StepPolicy {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(onFailure, "onFailure");
  }

  public static StepPolicy defaults() {
    return new StepPolicy(DEFAULT_TIMEOUT, Retry.DEFAULT, OnFailure.ABORT);
  }
}
