package dev.lifeboat.workflow;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Interprets one runbook run: stages in order, the steps of a stage in parallel, each step one
 * activity with the plan's timeout and retry policy; then the plan's {@code finally:} stages,
 * however the others ended. Every run and step transition, and every failed attempt of a step, is
 * written to the record (through {@link RunRecordActivity}) as it happens. Cancelling the workflow
 * cancels running steps, skips the rest, runs the finally stages and ends the run as {@link
 * RunStatus#CANCELLED}. A tabletop run runs no step: it prompts participants, who answer through
 * {@link #acknowledge}.
 */
@WorkflowInterface
public interface RunbookWorkflow {
  /** The task queue the default worker serves. */
  String TASK_QUEUE = "lifeboat";

  /** The name of the {@link #attemptFailed} signal. */
  String ATTEMPT_FAILED = "attemptFailed";

  @WorkflowMethod
  RunState run(RunInput input);

  /**
   * A worker reports that an attempt of a step's activity failed ({@link StepAttemptsInterceptor}),
   * whether or not Temporal retries it. Recorded as a {@code step.attempt_failed} event and listed
   * in the step's {@link StepState#failedAttempts()}; a report for an unknown step, or one already
   * recorded, is ignored.
   */
  @SignalMethod(name = ATTEMPT_FAILED)
  void attemptFailed(AttemptFailure failure);

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

  /**
   * A person approves or rejects an approval step awaiting approval; answers the step's new state.
   * Rejected by {@link #validateApprove} (leaving no trace in the history) when the step is not
   * awaiting approval, the caller's role is too low, the caller launched the run (approving), the
   * caller already decided on it, or a rejection has no comment.
   */
  @UpdateMethod
  StepState approve(ApprovalRequest request);

  @UpdateValidatorMethod(updateName = "approve")
  void validateApprove(ApprovalRequest request);

  /**
   * A person decides what happens to a step paused after its failure ({@code on_failure: pause}):
   * retry, skip or abort; answers the step's state with the decision. Rejected by {@link
   * #validateDecide} when the step is not awaiting a decision, the caller's role is too low for the
   * run's mode (operator for a drill, commander for a recovery), or a skip has no reason.
   */
  @UpdateMethod
  StepState decide(DecideRequest request);

  @UpdateValidatorMethod(updateName = "decide")
  void validateDecide(DecideRequest request);

  /**
   * Recovery: a commander asks for one step's undo, which a recovery does not run by itself;
   * answers the undo's state, now running. The undo runs with its own timeout and retry, and its
   * outcome is recorded with who asked and why, as a drill's cleanup records its undos. Rejected by
   * {@link #validateUndo} when the run is not a recovery, the caller is not a commander, the reason
   * is missing, the step has no undo or has not started (its undo was never registered), its undo
   * already ran, or the recovery is ending.
   */
  @UpdateMethod
  UndoState undo(UndoRequest request);

  @UpdateValidatorMethod(updateName = "undo")
  void validateUndo(UndoRequest request);
}
