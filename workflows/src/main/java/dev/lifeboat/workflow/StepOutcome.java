package dev.lifeboat.workflow;

/**
 * How one step ended.
 *
 * @param attempt see {@link StepState#attempt()}: what the workflow can know, not a guess
 * @param summary the result's one-line summary or the failure in plain words
 * @param detail the activity result, or a {@link FailureDetail}
 */
record StepOutcome(StepStatus status, int attempt, String summary, Object detail) {
  boolean failed() {
    return status == StepStatus.FAILED;
  }
}
