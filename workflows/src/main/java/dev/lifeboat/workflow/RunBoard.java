package dev.lifeboat.workflow;

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
 */
final class RunBoard {
  private final String runId;
  private final Map<String, StepState> steps = new LinkedHashMap<>();
  private RunStatus status = RunStatus.PENDING;
  private Instant startedAt;
  private Instant endedAt;

  RunBoard(String runId, Runbook plan) {
    this.runId = runId;
    for (Stage stage : plan.stages()) {
      for (Step step : stage.steps()) {
        steps.put(
            step.id(),
            new StepState(
                stage.name(),
                step.id(),
                step.kindName(),
                StepStatus.PENDING,
                0,
                null,
                null,
                null,
                null,
                null));
      }
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

  void runEnded(RunStatus finalStatus) {
    status = finalStatus;
    endedAt = WorkflowTime.now();
  }

  /** A step's activity is about to be scheduled; attempt 1 is the first that can run. */
  StepState stepStarted(String stepId) {
    StepState step = steps.get(stepId);
    return put(
        new StepState(
            step.stage(),
            stepId,
            step.kind(),
            StepStatus.RUNNING,
            1,
            WorkflowTime.now(),
            null,
            null,
            null,
            null));
  }

  StepState stepEnded(String stepId, StepOutcome outcome) {
    StepState step = steps.get(stepId);
    return put(
        new StepState(
            step.stage(),
            stepId,
            step.kind(),
            outcome.status(),
            outcome.attempt(),
            step.startedAt(),
            WorkflowTime.now(),
            outcome.summary(),
            null,
            null));
  }

  /** Never ran; no start or end time. */
  StepState stepSkipped(String stepId, String why) {
    StepState step = steps.get(stepId);
    return put(
        new StepState(
            step.stage(),
            stepId,
            step.kind(),
            StepStatus.SKIPPED,
            0,
            null,
            null,
            why,
            step.prompt(),
            null));
  }

  /** Tabletop: the step is now a prompt awaiting acknowledgement. */
  StepState stepPrompted(String stepId, TabletopPrompt prompt) {
    StepState step = steps.get(stepId);
    return put(
        new StepState(
            step.stage(),
            stepId,
            step.kind(),
            StepStatus.AWAITING_ACK,
            0,
            WorkflowTime.now(),
            null,
            null,
            prompt,
            null));
  }

  /** Tabletop: a participant answered the prompt. */
  StepState stepAcknowledged(String stepId, Acknowledgement ack) {
    StepState step = steps.get(stepId);
    return put(
        new StepState(
            step.stage(),
            stepId,
            step.kind(),
            StepStatus.ACKNOWLEDGED,
            0,
            step.startedAt(),
            ack.at(),
            ack.outcome().apiName() + " by " + ack.by(),
            step.prompt(),
            ack));
  }

  /** The step, or empty when the plan has no step with that id. */
  Optional<StepState> find(String stepId) {
    return Optional.ofNullable(steps.get(stepId));
  }

  /** Steps that have not ended yet, in plan order. */
  List<StepState> unfinished() {
    return steps.values().stream().filter(step -> !step.status().isTerminal()).toList();
  }

  /** The steps that have started or ended, for a notification sent by {@code exceptStepId}. */
  List<StepSummary> summariesExcept(String exceptStepId) {
    return steps.values().stream()
        .filter(step -> step.status() != StepStatus.PENDING)
        .filter(step -> !step.stepId().equals(exceptStepId))
        .map(step -> new StepSummary(step.stepId(), step.status().apiName(), step.summary()))
        .toList();
  }

  long count(StepStatus wanted) {
    return steps.values().stream().filter(step -> step.status() == wanted).count();
  }

  RunState snapshot() {
    List<StepState> now = List.copyOf(steps.values());
    return new RunState(runId, status, startedAt, endedAt, now, Finding.in(now));
  }

  private StepState put(StepState step) {
    steps.put(step.stepId(), step);
    return step;
  }
}
