package dev.lifeboat.runbook;

import dev.lifeboat.activities.notify.NotifyContext;

/**
 * What a step's request may take from its run besides the step itself, as it is when the step
 * starts. The workflow provides it; see {@link ActivityCall.StepRequest}.
 */
public interface StepContext {
  /**
   * The run's data as a message template sees it when {@code step} starts.
   *
   * @param withEarlierSteps whether to include the summaries of the steps that ran before; they
   *     grow with the plan and travel in the request and its history event, so only templates that
   *     use them get them
   */
  NotifyContext templateData(Step step, boolean withEarlierSteps);

  /** What the run's mode marks a message with ({@code "[DRILL] "} in a drill, else empty). */
  String notifyPrefix();
}
