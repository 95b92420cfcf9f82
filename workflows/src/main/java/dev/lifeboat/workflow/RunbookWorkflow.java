package dev.lifeboat.workflow;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Interprets one runbook run: stages in order, the steps of a stage in parallel, each step one
 * activity with the plan's timeout and retry policy. Every run and step transition is written to
 * the record (through {@link RunRecordActivity}) as it happens. Cancelling the workflow cancels
 * running steps, skips the rest and ends the run as {@link RunStatus#CANCELLED}. A tabletop run
 * runs no step: it prompts participants, who answer through {@link #acknowledge}.
 */
@WorkflowInterface
public interface RunbookWorkflow {
  /** The task queue the default worker serves. */
  String TASK_QUEUE = "lifeboat";

  @WorkflowMethod
  RunState run(RunInput input);

  /** Live state: each step's status, attempt, timing and outcome. */
  @QueryMethod
  RunState state();

  /**
   * Tabletop: a participant acknowledges a step awaiting acknowledgement; answers the step's new
   * state. Rejected by {@link #validateAcknowledge} (leaving no trace in the history) when the run
   * is not a tabletop run, the step is unknown or not awaiting acknowledgement, or the request is
   * incomplete (a gap without notes).
   */
  @UpdateMethod
  StepState acknowledge(AcknowledgeRequest request);

  @UpdateValidatorMethod(updateName = "acknowledge")
  void validateAcknowledge(AcknowledgeRequest request);
}
