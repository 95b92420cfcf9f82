package dev.lifeboat.workflow;

import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.runbook.Retry;
import dev.lifeboat.runbook.Step;
import dev.lifeboat.runbook.StepKind;
import dev.lifeboat.runbook.StepKinds;
import dev.lifeboat.runbook.StepPolicy;
import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;
import java.util.Arrays;

/** Maps a step's policy to the Temporal activity options it runs with. Pure; no workflow state. */
final class StepOptions {
  /** The longest a heartbeating step may go silent before Temporal declares its worker lost. */
  static final Duration MAX_HEARTBEAT = Duration.ofSeconds(30);

  /** Temporal's default ceiling for the wait between attempts: 100 × the first wait. */
  private static final int MAX_INTERVAL_FACTOR = 100;

  /** Room for queueing on top of the attempts themselves, e.g. a worker restarting. */
  private static final Duration QUEUE_HEADROOM = Duration.ofMinutes(1);

  /**
   * The longest a step routed to a site waits for that site's worker to pick it up. A running
   * worker polls all the time and takes a step within milliseconds; waiting longer than this means
   * no worker runs there, and saying so beats an hour of silence.
   */
  static final Duration MAX_SITE_WAIT = Duration.ofMinutes(5);

  private StepOptions() {}

  /**
   * @param mainQueue the workflow's own task queue; a step with a site runs on {@code
   *     mainQueue@site}, unless its kind always runs on the main worker (notify: it tells people a
   *     site is gone)
   */
  static ActivityOptions of(Step step, String mainQueue) {
    StepKind<?> kind = StepKinds.of(step);
    StepPolicy policy = kind.mainWorkerOnly() ? step.policy().atSite(null) : step.policy();
    return of(policy, kind.execution().heartbeats(), mainQueue);
  }

  /**
   * The options of one activity call under {@code policy}; {@code heartbeats} when the activity
   * heartbeats (then it is also waited for when cancelled, see {@link #cancellationType}). Without
   * a site these are exactly the options of the releases before sites (recorded histories replay).
   */
  static ActivityOptions of(StepPolicy policy, boolean heartbeats, String mainQueue) {
    ActivityOptions.Builder options =
        ActivityOptions.newBuilder()
            .setStartToCloseTimeout(policy.timeout())
            // Bounds the step as the plan author meant it (timeout × attempts plus the waits),
            // even when no worker serves its task queue; without it such a step waits forever.
            .setScheduleToCloseTimeout(scheduleToClose(policy))
            .setRetryOptions(retryOptions(policy.retry()))
            .setCancellationType(cancellationType(heartbeats));
    if (heartbeats) {
      options.setHeartbeatTimeout(min(MAX_HEARTBEAT, policy.timeout()));
    }
    if (policy.site() != null) {
      options
          .setTaskQueue(SiteQueues.of(mainQueue, policy.site()))
          .setScheduleToStartTimeout(siteWait(policy));
    }
    return options.build();
  }

  /** How long a step waits for a worker at its site: one attempt's timeout, at most 5 minutes. */
  static Duration siteWait(StepPolicy policy) {
    return min(policy.timeout(), MAX_SITE_WAIT);
  }

  /**
   * Heartbeating steps learn of a cancellation on their next heartbeat, so waiting for them is
   * short and makes the record true: when run.cancelled is written no restore or remote command is
   * still running. The other kinds are read-only or a message, and would only learn at their end;
   * not waiting for them keeps cancellation prompt.
   */
  private static ActivityCancellationType cancellationType(boolean heartbeats) {
    return heartbeats
        ? ActivityCancellationType.WAIT_CANCELLATION_COMPLETED
        : ActivityCancellationType.TRY_CANCEL;
  }

  private static RetryOptions retryOptions(Retry retry) {
    RetryOptions.Builder options =
        RetryOptions.newBuilder()
            .setMaximumAttempts(retry.attempts())
            .setBackoffCoefficient(retry.backoff())
            .setDoNotRetry(nonRetryableTypes());
    if (retry.initialInterval().compareTo(Duration.ZERO) > 0) {
      options.setInitialInterval(retry.initialInterval());
    }
    return options.build();
  }

  /** Bad input and bad configuration fail at once instead of burning attempts. */
  static String[] nonRetryableTypes() {
    return Arrays.stream(StepFailureType.values())
        .filter(type -> !type.retryable())
        .map(StepFailureType::type)
        .toArray(String[]::new);
  }

  /** Every attempt at its full timeout, every wait between them, and some queueing headroom. */
  static Duration scheduleToClose(StepPolicy policy) {
    Retry retry = policy.retry();
    Duration first =
        retry.initialInterval().compareTo(Duration.ZERO) > 0
            ? retry.initialInterval()
            : Duration.ofSeconds(1);
    Duration ceiling = first.multipliedBy(MAX_INTERVAL_FACTOR);
    Duration total = policy.timeout().multipliedBy(retry.attempts()).plus(QUEUE_HEADROOM);
    double wait = first.toMillis();
    for (int attempt = 1; attempt < retry.attempts(); attempt++) {
      total = total.plus(min(Duration.ofMillis((long) wait), ceiling));
      wait = Math.min(wait * retry.backoff(), ceiling.toMillis());
    }
    return total;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
