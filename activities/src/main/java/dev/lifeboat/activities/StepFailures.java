package dev.lifeboat.activities;

import io.temporal.failure.ApplicationFailure;

/** Builds typed {@link ApplicationFailure}s so every activity fails the same way. */
public final class StepFailures {
  private StepFailures() {}

  /** A failure of the given type; retryable or not as the type says. */
  public static ApplicationFailure of(StepFailureType type, String message) {
    return of(type, message, null);
  }

  /**
   * A failure of {@code type} that retrying cannot fix this time, even when the type usually can: a
   * backup whose checksum does not match will not match on the next attempt either.
   */
  public static ApplicationFailure permanent(StepFailureType type, String message) {
    return ApplicationFailure.newNonRetryableFailure(message, type.type());
  }

  public static ApplicationFailure of(StepFailureType type, String message, Throwable cause) {
    return type.retryable()
        ? ApplicationFailure.newFailureWithCause(message, type.type(), cause)
        : ApplicationFailure.newNonRetryableFailureWithCause(message, type.type(), cause);
  }
}
