package dev.lifeboat.workflow;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Interprets one runbook run: stages in order, the steps of a stage in parallel, each step one
 * activity with the plan's timeout and retry policy. Every run and step transition is written to
 * the record (through {@link RunRecordActivity}) as it happens. Cancelling the workflow cancels
 * running steps, skips the rest and ends the run as {@link RunStatus#CANCELLED}.
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
}
