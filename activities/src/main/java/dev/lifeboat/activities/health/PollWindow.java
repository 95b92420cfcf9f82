package dev.lifeboat.activities.health;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInfo;
import java.time.Duration;
import java.time.Instant;

/**
 * The {@code until_healthy} window of one health-check step, measured from its first attempt's
 * start: a retried attempt (its worker lost, an attempt timed out) polls only what is left of it,
 * never a fresh window. The start travels in the heartbeat details ({@link HealthProgress}); an
 * attempt that finds none after a failed one counts from when the step was first scheduled.
 *
 * @param length null for a single probe
 */
record PollWindow(Instant started, Duration length) {
  static PollWindow of(Duration length, Instant now, ActivityExecutionContext context) {
    if (length == null) {
      return new PollWindow(now, null);
    }
    long heartbeated =
        context
            .getHeartbeatDetails(HealthProgress.class)
            .map(HealthProgress::windowStartedMillis)
            .orElse(0L);
    ActivityInfo info = context.getInfo();
    long first =
        heartbeated > 0
            ? heartbeated
            : info.getAttempt() > 1 ? info.getScheduledTimestamp() : now.toEpochMilli();
    return new PollWindow(
        first > 0 ? Instant.ofEpochMilli(Math.min(first, now.toEpochMilli())) : now, length);
  }

  Instant deadline() {
    return length == null ? started : started.plus(length);
  }

  boolean isOver(Instant now) {
    return !now.isBefore(deadline());
  }

  /** The wait before the next probe: the poll interval, or what is left if that is less. */
  Duration pause(Instant now, Duration pollInterval) {
    Duration left = Duration.between(now, deadline());
    return left.compareTo(pollInterval) < 0 ? left : pollInterval;
  }
}
