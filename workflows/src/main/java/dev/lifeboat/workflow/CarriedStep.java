package dev.lifeboat.workflow;

import java.time.Instant;
import java.util.Objects;

/**
 * A step that succeeded in an earlier run and is carried over into the run resuming it: it is shown
 * as succeeded with what it recorded then, and its activity is not called again.
 *
 * @param fromRunId the run in which the step really ran (for a resume of a resumed run, the run
 *     that ran it, not the one in between)
 * @param attempt the attempt that succeeded
 * @param startedAt when it started in that run
 * @param endedAt when it ended in that run
 * @param summary its outcome's one-line summary as recorded
 * @param result the activity's result as recorded (JSON as maps and lists), null if none
 */
public record CarriedStep(
    String stepId,
    String fromRunId,
    int attempt,
    Instant startedAt,
    Instant endedAt,
    String summary,
    Object result) {
  public CarriedStep {
    Objects.requireNonNull(stepId, "stepId");
    Objects.requireNonNull(fromRunId, "fromRunId");
  }

  /** The message of the step's {@code step.carried_over} event. */
  String message() {
    return "carried over from run " + fromRunId + (summary == null ? "" : ": " + summary);
  }
}
