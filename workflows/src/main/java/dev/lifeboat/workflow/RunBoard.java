package dev.lifeboat.workflow;

import static dev.lifeboat.workflow.RunEventType.STEP_ACKNOWLEDGED;
import static dev.lifeboat.workflow.RunEventType.STEP_ATTEMPT_FAILED;
import static dev.lifeboat.workflow.RunEventType.STEP_CARRIED_OVER;
import static dev.lifeboat.workflow.RunEventType.STEP_FAILED;
import static dev.lifeboat.workflow.RunEventType.STEP_PROMPTED;
import static dev.lifeboat.workflow.RunEventType.STEP_SKIPPED;
import static dev.lifeboat.workflow.RunEventType.STEP_STARTED;
import static dev.lifeboat.workflow.RunEventType.STEP_SUCCEEDED;

import dev.lifeboat.activities.notify.NotifyContext;
import dev.lifeboat.activities.notify.NotifyContext.StepSummary;
import dev.lifeboat.runbook.Runbook;
import dev.lifeboat.runbook.Stage;
import dev.lifeboat.runbook.Step;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The live state of one run, in plan order: what the {@code state()} query answers and what
 * notifications report. Changed only by the workflow thread; every change returns the new state.
 * Steps move only through {@link StepStates}, as they do in the view rebuilt from the record.
 */
final class RunBoard {
  private final String runId;
  private final Map<String, StepState> steps = new LinkedHashMap<>();
  private RunStatus status = RunStatus.PENDING;
  private Instant startedAt;
  private Instant endedAt;
  private RunStatus outcome;
  private StepSummary failedStep;
  private java.util.function.Supplier<CleanupState> cleanup;

  RunBoard(String runId, Runbook plan) {
    this.runId = runId;
    plan.allStages().forEach(this::add);
  }

  private void add(Stage stage) {
    for (Step step : stage.steps()) {
      steps.put(step.id(), StepState.pending(stage.name(), step.id(), step.kindName()));
    }
  }

  /** The state of a run whose workflow has not started yet. */
  static RunState notStarted() {
    return new RunState(null, RunStatus.PENDING, null, null, List.of(), List.of());
  }

  void runStarted() {
    status = RunStatus.RUNNING;
    startedAt = WorkflowTime.now();
  }

  /**
   * The main stages ended: {@code finally:} stages may now run, and their notifications tell this
   * outcome. The run itself stays running until they end.
   *
   * @param failedStepId the step that made the run fail, else the first that failed; null if none
   */
  void mainStagesEnded(RunStatus mainOutcome, String failedStepId) {
    outcome = mainOutcome;
    failedStep =
        find(failedStepId)
            .or(
                () ->
                    steps.values().stream()
                        .filter(s -> s.status() == StepStatus.FAILED)
                        .findFirst())
            .map(RunBoard::summary)
            .orElse(null);
  }

  /** The main stages' outcome as notifications spell it: "running" until they end. */
  String outcome() {
    return outcome == null ? NotifyContext.RUNNING : outcome.apiName();
  }

  /** Once the main stages ended: the step that failed the run, else the first that failed. */
  Optional<StepSummary> failedStep() {
    return Optional.ofNullable(failedStep);
  }

  void runEnded(RunStatus finalStatus) {
    status = finalStatus;
    endedAt = WorkflowTime.now();
  }

  /** A step's activity is about to be scheduled; attempt 1 is the first that can run. */
  StepState stepStarted(String stepId) {
    return apply(stepId, new StepEvent(STEP_STARTED, WorkflowTime.now(), 1, null, null));
  }

  /**
   * The step's attempts its workers reported failed count towards its attempt: after two reported
   * failures a success was attempt 3.
   */
  StepState stepEnded(String stepId, StepOutcome outcome) {
    StepState step = steps.get(stepId);
    int reported = step.failedAttempts().stream().mapToInt(AttemptFailure::attempt).max().orElse(0);
    int attempt = Math.max(outcome.attempt(), outcome.failed() ? reported : reported + 1);
    RunEventType type =
        switch (outcome.status()) {
          case FAILED -> STEP_FAILED;
          case SKIPPED -> STEP_SKIPPED;
          default -> STEP_SUCCEEDED;
        };
    return apply(
        stepId,
        new StepEvent(type, WorkflowTime.now(), attempt, outcome.summary(), outcome.detail()));
  }

  /**
   * A worker reported a failed attempt of the step; empty when the plan has no such step or the
   * attempt was already reported.
   */
  Optional<StepState> attemptFailed(AttemptFailure failure) {
    return find(failure.stepId())
        .filter(step -> step.withFailedAttempt(failure) != step)
        .map(
            step ->
                apply(
                    step.stepId(),
                    new StepEvent(STEP_ATTEMPT_FAILED, WorkflowTime.now(), 0, null, failure)));
  }

  /** Never ran: ended when skipped, with why as its summary. */
  StepState stepSkipped(String stepId, String why) {
    return apply(stepId, new StepEvent(STEP_SKIPPED, WorkflowTime.now(), 0, why, null));
  }

  /** A resumed run: the step succeeded in an earlier run and is not run again. */
  StepState stepCarriedOver(CarriedStep carried) {
    return apply(
        carried.stepId(),
        new StepEvent(STEP_CARRIED_OVER, WorkflowTime.now(), carried.attempt(), null, carried));
  }

  /** Tabletop: the step is now a prompt awaiting acknowledgement. */
  StepState stepPrompted(String stepId, TabletopPrompt prompt) {
    return apply(stepId, new StepEvent(STEP_PROMPTED, WorkflowTime.now(), 0, null, prompt));
  }

  /** Tabletop: a participant answered the prompt. */
  StepState stepAcknowledged(String stepId, Acknowledgement ack) {
    String summary = ack.outcome().apiName() + " by " + ack.by();
    return apply(stepId, new StepEvent(STEP_ACKNOWLEDGED, ack.at(), 0, summary, ack));
  }

  /** A step waits for people (approvers, or a decision after its failure): {@code why}. */
  StepState stepAwaiting(String stepId, RunEventType type, String why) {
    return apply(stepId, new StepEvent(type, WorkflowTime.now(), 0, why, null));
  }

  /** A person decided on the step; the step's next event says what came of it. */
  StepState stepDecided(String stepId, Decision decision, String summary) {
    return apply(
        stepId, new StepEvent(RunEventType.STEP_DECIDED, decision.at(), 0, summary, decision));
  }

  /**
   * Moves the step as {@link StepStates} says, the same way the record's view moves it; every
   * change of a step goes through here.
   */
  StepState apply(String stepId, StepEvent event) {
    return put(StepStates.apply(steps.get(stepId), event));
  }

  /** The step, or empty when the plan has no step with that id (or the id is null). */
  Optional<StepState> find(String stepId) {
    return Optional.ofNullable(stepId == null ? null : steps.get(stepId));
  }

  /** The steps of {@code stages} that have not ended yet, in plan order. */
  List<StepState> unfinished(List<Stage> stages) {
    return stages.stream()
        .flatMap(stage -> stage.steps().stream())
        .map(step -> steps.get(step.id()))
        .filter(step -> !step.status().isTerminal())
        .toList();
  }

  /** The steps that have started or ended, for a notification sent by {@code exceptStepId}. */
  List<StepSummary> summariesExcept(String exceptStepId) {
    return steps.values().stream()
        .filter(step -> step.status() != StepStatus.PENDING)
        .filter(step -> !step.stepId().equals(exceptStepId))
        .map(RunBoard::summary)
        .toList();
  }

  long count(StepStatus wanted) {
    return steps.values().stream().filter(step -> step.status() == wanted).count();
  }

  /**
   * The steps a person decided to skip after they failed (a deviation); not those the run's mode
   * left out, which carry no decision.
   */
  long skippedByDecision() {
    return steps.values().stream()
        .filter(step -> step.status() == StepStatus.SKIPPED)
        .filter(
            step ->
                !step.decisions().isEmpty()
                    && step.decisions()
                        .get(step.decisions().size() - 1)
                        .decision()
                        .equals(StepDecision.SKIP.apiName()))
        .count();
  }

  /** Where the snapshot reads the run's cleanup from; none in runs without undo support. */
  void showCleanup(java.util.function.Supplier<CleanupState> source) {
    this.cleanup = source;
  }

  RunState snapshot() {
    List<StepState> now = List.copyOf(steps.values());
    return new RunState(
        runId,
        status,
        startedAt,
        endedAt,
        now,
        Finding.in(now),
        cleanup == null ? null : cleanup.get());
  }

  private static StepSummary summary(StepState step) {
    return new StepSummary(step.stepId(), step.status().apiName(), step.summary());
  }

  private StepState put(StepState step) {
    steps.put(step.stepId(), step);
    if (status == RunStatus.RUNNING || status == RunStatus.PAUSED) {
      // Paused exactly while a failed step waits for someone to decide what happens next.
      status = count(StepStatus.AWAITING_DECISION) > 0 ? RunStatus.PAUSED : RunStatus.RUNNING;
    }
    return step;
  }
}
