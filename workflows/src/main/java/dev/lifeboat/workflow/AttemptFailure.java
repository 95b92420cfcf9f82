package dev.lifeboat.workflow;

import java.time.Instant;
import java.util.Objects;

/**
 * One failed attempt of a step's activity, as the worker that ran it saw it. Temporal retries an
 * activity inside the activity task and tells the workflow only the last failure, so the worker
 * reports every attempt's failure itself ({@link StepAttemptsInterceptor}).
 *
 * @param activityId Temporal's id of the activity call: a {@code start-failover} step makes one
 *     call per action, each with its own attempts 1, 2, …
 * @param activityType the activity, e.g. {@code VerifyBackup}, {@code PromoteStandby}
 * @param attempt 1 for the first attempt of the call
 * @param at when the attempt failed, by the worker's clock
 * @param type the failure type, as the step's own failure would say it (e.g. {@code UNAVAILABLE})
 * @param message the failure message exactly as the activity threw it: already redacted by the
 *     activity, like every step failure
 */
public record AttemptFailure(
    String stepId,
    String activityId,
    String activityType,
    int attempt,
    Instant at,
    String type,
    String message) {
  public AttemptFailure {
    Objects.requireNonNull(stepId, "stepId");
    Objects.requireNonNull(at, "at");
  }

  /**
   * Whether this reports the same attempt of the same call as {@code other} (a repeated signal).
   */
  boolean sameAttemptAs(AttemptFailure other) {
    return attempt == other.attempt && Objects.equals(activityId, other.activityId);
  }
}
