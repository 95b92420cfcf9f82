package dev.lifeboat.workflow;

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
   * </ul>
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
              null);
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
      case RUN_STARTED,
          RUN_SUCCEEDED,
          RUN_SUCCEEDED_WITH_FAILURES,
          RUN_SUCCEEDED_WITH_FINDINGS,
          RUN_FAILED,
          RUN_CANCELLED,
          RUN_INTERRUPTED,
          RUN_CLEANUP,
          RUN_VERDICT,
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
        step.failedAttempts());
  }
}
