package dev.lifeboat.activities;

import static org.assertj.core.api.Assertions.catchThrowable;

import io.temporal.failure.ApplicationFailure;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Finds the typed failure an activity raised, whether called directly or through a stub. */
public final class StepFailureAssertions {
  private StepFailureAssertions() {}

  /** The {@link ApplicationFailure} thrown (possibly wrapped by Temporal) by {@code call}. */
  public static ApplicationFailure failureOf(ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure failure) {
        return failure;
      }
    }
    throw new AssertionError(
        "expected the activity to fail with a typed failure, but it "
            + (thrown == null ? "succeeded" : "threw " + thrown),
        thrown);
  }
}
