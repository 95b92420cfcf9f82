package dev.lifeboat.activities;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/**
 * Activity options for tests that call an activity through Temporal's test environment: one
 * attempt, so a failure reaches the test as it was raised instead of being retried away.
 */
public final class SingleAttempt {
  private SingleAttempt() {}

  public static ActivityOptions.Builder within(Duration startToClose) {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(startToClose)
        .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build());
  }
}
