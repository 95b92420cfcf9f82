package dev.lifeboat.workflow;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * The transitions a run records. Spelled by its {@link #wireName()} in JSON and in the record; JSON
 * written before that spelling (the record writes in workflow histories said {@code "RUN_STARTED"})
 * still reads.
 */
public enum RunEventType {
  RUN_STARTED("run.started", RunStatus.RUNNING),
  RUN_SUCCEEDED("run.succeeded", RunStatus.SUCCEEDED),
  RUN_SUCCEEDED_WITH_FAILURES("run.succeeded_with_failures", RunStatus.SUCCEEDED_WITH_FAILURES),
  RUN_SUCCEEDED_WITH_FINDINGS("run.succeeded_with_findings", RunStatus.SUCCEEDED_WITH_FINDINGS),
  RUN_FAILED("run.failed", RunStatus.FAILED),
  RUN_CANCELLED("run.cancelled", RunStatus.CANCELLED),
  RUN_INTERRUPTED("run.interrupted", RunStatus.INTERRUPTED),
  STEP_STARTED("step.started", null),
  STEP_SUCCEEDED("step.succeeded", null),
  STEP_FAILED("step.failed", null),
  STEP_SKIPPED("step.skipped", null),
  /**
   * One attempt of a step failed (retried or not); the detail is its {@link AttemptFailure}. The
   * step's own end ({@code step.failed} or {@code step.succeeded}) follows separately.
   */
  STEP_ATTEMPT_FAILED("step.attempt_failed", null),
  /** Tabletop: the step became a prompt; the detail is its {@link TabletopPrompt}. */
  STEP_PROMPTED("step.prompted", null),
  /** Tabletop: a participant acknowledged; the detail is the {@link Acknowledgement}. */
  STEP_ACKNOWLEDGED("step.acknowledged", null),
  /** An approval step waits for its approvers; the message says how many of which role. */
  STEP_AWAITING_APPROVAL("step.awaiting_approval", null),
  /** An approval step's timeout passed; the message says whom it escalated to and what next. */
  STEP_ESCALATED("step.escalated", null),
  /**
   * A step with {@code on_failure: pause} failed and waits for a decision; the message is its
   * failure.
   */
  STEP_AWAITING_DECISION("step.awaiting_decision", null),
  /**
   * A person decided on a step: approved or rejected an approval step, or retried, skipped or
   * aborted a paused one; the detail is the {@link Decision}.
   */
  STEP_DECIDED("step.decided", null),
  /**
   * Written at start-up, not by a workflow: the step was open when its run's workflow was lost, and
   * is closed as {@link StepStatus#INTERRUPTED} just before the run's {@code run.interrupted}.
   */
  STEP_INTERRUPTED("step.interrupted", null),
  /** A step's undo was registered, before the step started; the step id is the undo's. */
  UNDO_REGISTERED("undo.registered", null),
  /** Cleanup: an undo started (a drill's end, newest first). */
  UNDO_STARTED("undo.started", null),
  /** Cleanup: an undo succeeded; the detail is its result. */
  UNDO_SUCCEEDED("undo.succeeded", null),
  /** Cleanup: an undo failed after its retries; the detail is its failure. */
  UNDO_FAILED("undo.failed", null),
  /** The cleanup ended (or, in a recovery, was not run); the detail is its {@link CleanupState}. */
  RUN_CLEANUP("run.cleanup", null),
  /**
   * A resumed run: the step succeeded in the run resumed and is not run again; the detail is its
   * {@link CarriedStep}, with the result it recorded then.
   */
  STEP_CARRIED_OVER("step.carried_over", null),
  /**
   * Written by the record as a drill or recovery ends (however it ended, interrupted included),
   * right after its end: the detail is its {@code RunVerdict} (pass or fail, the reasons, RTO and
   * RPO measured against the plan's objectives; a precheck passes when no check failed). Tabletop
   * runs get none.
   */
  RUN_VERDICT("run.verdict", null),
  /**
   * A precheck: one readiness check of one step (ok, warn or fail with the measured value); the
   * detail is its {@code CheckLine}. A precheck run has only these between its start and its end.
   */
  PRECHECK_CHECK("precheck.check", null);

  private final String wireName;
  private final RunStatus runStatus;

  RunEventType(String wireName, RunStatus runStatus) {
    this.wireName = wireName;
    this.runStatus = runStatus;
  }

  /** The name stored in the record, e.g. {@code step.failed}. */
  @JsonValue
  public String wireName() {
    return wireName;
  }

  /** The run status this event moves the run to; null for step events. */
  public RunStatus runStatus() {
    return runStatus;
  }

  public static Optional<RunEventType> fromWireName(String text) {
    return Arrays.stream(values()).filter(type -> type.wireName.equals(text)).findFirst();
  }

  /** For JSON: the wire name, or the constant's name as record writes spelled it before. */
  @JsonCreator
  static RunEventType fromJson(String text) {
    return EnumSpelling.read(RunEventType.class, text, RunEventType::wireName);
  }
}
