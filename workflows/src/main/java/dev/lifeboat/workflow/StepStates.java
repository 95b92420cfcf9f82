package dev.lifeboat.workflow;

import java.util.List;
import java.util.Optional;

/**
 * The one step-state transition function: how a {@link StepEvent} moves a {@link StepState}. The
 * live run board and the view rebuilt from the record both apply it, so what the workflow's query
 * showed and what the record shows after the workflow is gone cannot disagree. Pure and
 * deterministic: workflow code calls it.
 */
public final class StepStates {
  private StepStates() {}

  /**
   * The step after {@code event}.
   *
   * <ul>
   *   <li>{@code step.started}: running, attempt 1 (or the event's), failed attempts of an earlier
   *       run of the step forgotten.
   *   <li>{@code step.succeeded}, {@code failed}, {@code skipped}, {@code interrupted}: ended at
   *       the event's time with its message as summary; the attempt is the event's when it says
   *       one, else the step's; the start time, prompt and failed attempts stay.
   *   <li>{@code step.attempt_failed}: the failure added to the step's failed attempts (once); the
   *       status does not move, the step's own end says how it ended.
   *   <li>{@code step.prompted}: awaiting acknowledgement since the event, with its prompt.
   *   <li>{@code step.acknowledged}: acknowledged at the event's time, with the answer.
   *   <li>{@code step.awaiting_approval}, {@code step.awaiting_decision}: waiting for people, with
   *       the event's message as summary; a paused step keeps its attempt and failures.
   *   <li>{@code step.escalated}: the summary says so; the step still waits.
   *   <li>{@code step.decided}: the {@link Decision} added to the step's decisions, with the
   *       event's message as summary; the status does not move (the step's next event does).
   *   <li>{@code step.carried_over}: succeeded, with the attempt, times and summary it recorded in
   *       the run it ran in, which it names.
   * </ul>
   *
   * <p>A step's decisions outlive a retry's {@code step.started}: who decided to retry stays on it.
   */
  public static StepState apply(StepState step, StepEvent event) {
    return switch (event.type()) {
      case STEP_STARTED ->
          new StepState(
              step.stage(),
              step.stepId(),
              step.kind(),
              StepStatus.RUNNING,
              Math.max(1, event.attempt()),
              event.at(),
              null,
              null,
              null,
              null,
              List.of(),
              step.decisions());
      case STEP_SUCCEEDED -> ended(step, StepStatus.SUCCEEDED, event);
      case STEP_FAILED -> ended(step, StepStatus.FAILED, event);
      case STEP_SKIPPED -> ended(step, StepStatus.SKIPPED, event);
      case STEP_INTERRUPTED -> ended(step, StepStatus.INTERRUPTED, event);
      case STEP_ATTEMPT_FAILED -> step.withFailedAttempt((AttemptFailure) event.detail());
      case STEP_PROMPTED ->
          new StepState(
              step.stage(),
              step.stepId(),
              step.kind(),
              StepStatus.AWAITING_ACK,
              0,
              event.at(),
              null,
              null,
              (TabletopPrompt) event.detail(),
              null);
      case STEP_ACKNOWLEDGED ->
          new StepState(
              step.stage(),
              step.stepId(),
              step.kind(),
              StepStatus.ACKNOWLEDGED,
              0,
              step.startedAt(),
              event.at(),
              event.message(),
              step.prompt(),
              (Acknowledgement) event.detail());
      case STEP_AWAITING_APPROVAL -> step.with(StepStatus.AWAITING_APPROVAL, event.message());
      case STEP_AWAITING_DECISION -> step.with(StepStatus.AWAITING_DECISION, event.message());
      case STEP_ESCALATED -> step.with(step.status(), event.message());
      case STEP_DECIDED -> step.withDecision((Decision) event.detail(), event.message());
      case STEP_CARRIED_OVER -> carriedOver(step, (CarriedStep) event.detail());
      case RUN_STARTED,
          RUN_SUCCEEDED,
          RUN_SUCCEEDED_WITH_FAILURES,
          RUN_SUCCEEDED_WITH_FINDINGS,
          RUN_FAILED,
          RUN_CANCELLED,
          RUN_INTERRUPTED,
          RUN_CLEANUP,
          RUN_VERDICT,
          PRECHECK_CHECK,
          // An undo is no step of the plan's stages; its events do not move them.
          UNDO_REGISTERED,
          UNDO_STARTED,
          UNDO_SUCCEEDED,
          UNDO_FAILED ->
          step;
    };
  }

  /** The class of the detail {@link #apply} reads for events of {@code type}, if it reads one. */
  public static Optional<Class<?>> detailType(RunEventType type) {
    return Optional.ofNullable(
        switch (type) {
          case STEP_PROMPTED -> TabletopPrompt.class;
          case STEP_ACKNOWLEDGED -> Acknowledgement.class;
          case STEP_ATTEMPT_FAILED -> AttemptFailure.class;
          case STEP_DECIDED -> Decision.class;
          case STEP_CARRIED_OVER -> CarriedStep.class;
          default -> null;
        });
  }

  private static StepState ended(StepState step, StepStatus status, StepEvent event) {
    return new StepState(
        step.stage(),
        step.stepId(),
        step.kind(),
        status,
        event.attempt() > 0 ? event.attempt() : step.attempt(),
        step.startedAt(),
        event.at(),
        event.message(),
        step.prompt(),
        null,
        step.failedAttempts(),
        step.decisions());
  }

  private static StepState carriedOver(StepState step, CarriedStep carried) {
    return new StepState(
        step.stage(),
        step.stepId(),
        step.kind(),
        StepStatus.SUCCEEDED,
        carried.attempt(),
        carried.startedAt(),
        carried.endedAt(),
        carried.summary(),
        null,
        null,
        List.of(),
        carried.fromRunId());
  }
}
