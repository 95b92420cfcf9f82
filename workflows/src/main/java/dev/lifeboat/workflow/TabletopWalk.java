package dev.lifeboat.workflow;

import static dev.lifeboat.workflow.RunEventType.RUN_CANCELLED;
import static dev.lifeboat.workflow.RunEventType.RUN_STARTED;
import static dev.lifeboat.workflow.RunEventType.RUN_SUCCEEDED;
import static dev.lifeboat.workflow.RunEventType.RUN_SUCCEEDED_WITH_FINDINGS;
import static dev.lifeboat.workflow.RunEventType.STEP_ACKNOWLEDGED;
import static dev.lifeboat.workflow.RunEventType.STEP_PROMPTED;
import static dev.lifeboat.workflow.RunEventType.STEP_SKIPPED;

import dev.lifeboat.runbook.Runbook;
import dev.lifeboat.runbook.Stage;
import dev.lifeboat.runbook.Step;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;
import java.util.stream.Collectors;

/**
 * A tabletop run: walks the plan's stages, then its {@code finally:} stages, in order without
 * running anything. Every step of the current stage becomes a {@link TabletopPrompt} awaiting
 * acknowledgement; the next stage is prompted once each of them is acknowledged. A walk that found
 * gaps ends {@link RunStatus#SUCCEEDED_WITH_FINDINGS}, never plain succeeded. The only activity
 * called is the record's, so a walk-through can never touch a system. Acknowledgements arrive as
 * workflow updates, checked by {@link #validate} before anything reaches the history.
 */
final class TabletopWalk {
  private final RunInput input;
  private final RunBoard board;
  private final RunJournal journal;
  private final StepModes modes;

  TabletopWalk(RunInput input, RunBoard board, RunJournal journal, StepModes modes) {
    this.input = input;
    this.board = board;
    this.journal = journal;
    this.modes = modes;
  }

  RunState run() {
    Runbook plan = input.plan();
    board.runStarted();
    journal.runEvent(RUN_STARTED, "tabletop run launched by " + input.launcher());
    try {
      for (Stage stage : plan.allStages().toList()) {
        for (Step step : stage.steps()) {
          modes
              .skipReason(step)
              .ifPresentOrElse(
                  why ->
                      journal.stepEvent(STEP_SKIPPED, board.stepSkipped(step.id(), why), why, null),
                  () -> prompt(step, plan));
        }
        // Acknowledgements come at human pace: each one is written as soon as it is given.
        journal.flush();
        while (!acknowledged(stage)) {
          Workflow.await(() -> acknowledged(stage) || journal.hasPending());
          journal.flush();
        }
      }
    } catch (TemporalFailure failure) {
      if (!CancellationScope.current().isCancelRequested()) {
        throw failure;
      }
      return endCancelled();
    }
    RunEventType end =
        board.snapshot().findings().isEmpty() ? RUN_SUCCEEDED : RUN_SUCCEEDED_WITH_FINDINGS;
    return RunbookWorkflowImpl.end(board, journal, end, successMessage());
  }

  private void prompt(Step step, Runbook plan) {
    StepState prompted = board.stepPrompted(step.id(), TabletopPrompt.of(step, plan));
    journal.stepEvent(STEP_PROMPTED, prompted, "awaiting acknowledgement", prompted.prompt());
  }

  /** Rejects (before the history records anything) an acknowledgement the walk cannot take. */
  void validate(AcknowledgeRequest request) {
    request
        .problem()
        .ifPresent(
            problem -> {
              throw new IllegalArgumentException(problem);
            });
    StepState step =
        board
            .find(request.stepId())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "the plan has no step '" + request.stepId() + "'"));
    switch (step.status()) {
      case AWAITING_ACK -> {}
      case ACKNOWLEDGED ->
          throw new IllegalArgumentException(
              "step "
                  + step.stepId()
                  + " was already acknowledged ("
                  + step.summary()
                  + "); an acknowledgement is final");
      case PENDING ->
          throw new IllegalArgumentException(
              "step "
                  + step.stepId()
                  + " is in stage "
                  + step.stage()
                  + ", which is not being walked yet; acknowledge the current stage first");
      default ->
          throw new IllegalArgumentException(
              "step "
                  + step.stepId()
                  + " is not awaiting acknowledgement ("
                  + step.status().apiName()
                  + ")");
    }
  }

  StepState acknowledge(AcknowledgeRequest request) {
    validate(request);
    Acknowledgement ack =
        new Acknowledgement(request.by(), request.outcome(), request.notes(), WorkflowTime.now());
    StepState step = board.stepAcknowledged(request.stepId(), ack);
    journal.stepEvent(STEP_ACKNOWLEDGED, step, step.summary(), ack);
    return step;
  }

  private boolean acknowledged(Stage stage) {
    return stage.steps().stream()
        .allMatch(step -> board.find(step.id()).orElseThrow().status().isTerminal());
  }

  private RunState endCancelled() {
    Workflow.newDetachedCancellationScope(
            () -> {
              for (StepState step : board.unfinished(input.plan().allStages().toList())) {
                String why = "not acknowledged: the run was cancelled";
                journal.stepEvent(STEP_SKIPPED, board.stepSkipped(step.stepId(), why), why, null);
              }
            })
        .run();
    return RunbookWorkflowImpl.end(board, journal, RUN_CANCELLED, "cancelled");
  }

  private String successMessage() {
    RunState state = board.snapshot();
    String participants =
        state.steps().stream()
            .map(StepState::acknowledgement)
            .filter(ack -> ack != null)
            .map(Acknowledgement::by)
            .distinct()
            .collect(Collectors.joining(", "));
    int gaps = state.findings().size();
    return "walked "
        + state.steps().size()
        + " steps with "
        + participants
        + "; "
        + (gaps == 0 ? "no gaps" : gaps + (gaps == 1 ? " gap" : " gaps") + " found");
  }
}
