package dev.lifeboat.activities;

import io.temporal.failure.ApplicationFailure;

/** Builds typed {@link ApplicationFailure}s so every activity fails the same way. */
public final class StepFailures {
  private StepFailures() {}

  /** A failure of the given type; retryable or not as the type says. */
  public static ApplicationFailure of(StepFailureType type, String message) {
    return of(type, message, null);
  }

  public static ApplicationFailure of(StepFailureType type, String message, Throwable cause) {
    return type.retryable()
        ? ApplicationFailure.newFailureWithCause(message, type.type(), cause)
        : ApplicationFailure.newNonRetryableFailureWithCause(message, type.type(), cause);
  }
}
