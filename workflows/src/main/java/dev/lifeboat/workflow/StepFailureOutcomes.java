package dev.lifeboat.workflow;

import dev.lifeboat.runbook.Durations;
import dev.lifeboat.runbook.StepPolicy;
import io.temporal.api.enums.v1.RetryState;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TimeoutFailure;
import java.time.Duration;

/** Turns the failure of a step's activity into a {@link StepOutcome} a person can read. */
final class StepFailureOutcomes {
  static final String CANCELLED_WHILE_RUNNING = "cancelled while running";

  private StepFailureOutcomes() {}

  static StepOutcome of(Throwable failure, StepPolicy policy) {
    if (isCancellation(failure)) {
      return cancelled();
    }
    Throwable cause = failure instanceof ActivityFailure ? failure.getCause() : failure;
    int attempt = attempt(failure, policy);
    if (cause instanceof ApplicationFailure application) {
      return failed(attempt, application.getType(), application.getOriginalMessage());
    }
    if (cause instanceof TimeoutFailure timeout) {
      return failed(attempt, "TIMEOUT", timeoutSummary(timeout, policy));
    }
    String message = cause == null ? String.valueOf(failure) : cause.getMessage();
    return failed(attempt, cause == null ? "UNKNOWN" : cause.getClass().getSimpleName(), message);
  }

  /** A step that was running when the run was cancelled. */
  static StepOutcome cancelled() {
    return failed(1, "CANCELLED", CANCELLED_WHILE_RUNNING);
  }

  /**
   * The workflow cannot see the attempts of a step: Temporal retries inside the activity task. Only
   * "all attempts used up" is reported back, so that case says {@code retry.attempts}; any other
   * failure says 1, meaning "at least one" (the activity's own log has the exact count).
   */
  static int attempt(Throwable failure, StepPolicy policy) {
    if (failure instanceof ActivityFailure activity
        && activity.getRetryState() == RetryState.RETRY_STATE_MAXIMUM_ATTEMPTS_REACHED) {
      return policy.retry().attempts();
    }
    return 1;
  }

  /** A step cancelled because the run was: the failure itself or its cause is a cancellation. */
  static boolean isCancellation(Throwable failure) {
    return failure instanceof CanceledFailure
        || (failure instanceof ActivityFailure && failure.getCause() instanceof CanceledFailure);
  }

  private static String timeoutSummary(TimeoutFailure timeout, StepPolicy policy) {
    return switch (timeout.getTimeoutType()) {
      case TIMEOUT_TYPE_HEARTBEAT ->
          "stopped reporting progress (no heartbeat for "
              + Durations.format(heartbeat(policy))
              + "); was its worker lost?";
      case TIMEOUT_TYPE_SCHEDULE_TO_START -> noWorkerAtSite(policy);
      case TIMEOUT_TYPE_SCHEDULE_TO_CLOSE ->
          "did not finish within "
              + Durations.format(StepOptions.scheduleToClose(policy))
              + " across all attempts; is a worker serving its task queue?";
      default -> "timed out after " + Durations.format(policy.timeout());
    };
  }

  /** Only steps with a site have a ScheduleToStart timeout (see {@link StepOptions}). */
  private static String noWorkerAtSite(StepPolicy policy) {
    String site = policy.site();
    return "no worker at site '"
        + site
        + "' took the step within "
        + Durations.format(StepOptions.siteWait(policy))
        + "; start one there with `lifeboat worker --site "
        + site
        + "`";
  }

  private static Duration heartbeat(StepPolicy policy) {
    return policy.timeout().compareTo(StepOptions.MAX_HEARTBEAT) < 0
        ? policy.timeout()
        : StepOptions.MAX_HEARTBEAT;
  }

  private static StepOutcome failed(int attempt, String type, String message) {
    return new StepOutcome(StepStatus.FAILED, attempt, message, new FailureDetail(type, message));
  }
}
