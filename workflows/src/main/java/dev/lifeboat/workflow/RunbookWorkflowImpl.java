package dev.lifeboat.workflow;

import static dev.lifeboat.workflow.RunEventType.RUN_CANCELLED;
import static dev.lifeboat.workflow.RunEventType.RUN_FAILED;
import static dev.lifeboat.workflow.RunEventType.RUN_STARTED;
import static dev.lifeboat.workflow.RunEventType.RUN_SUCCEEDED;
import static dev.lifeboat.workflow.RunEventType.STEP_FAILED;
import static dev.lifeboat.workflow.RunEventType.STEP_SKIPPED;
import static dev.lifeboat.workflow.RunEventType.STEP_STARTED;
import static dev.lifeboat.workflow.RunEventType.STEP_SUCCEEDED;

import dev.lifeboat.runbook.OnFailure;
import dev.lifeboat.runbook.Stage;
import dev.lifeboat.runbook.Step;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * Runs a plan's stages in order and each stage's steps in parallel, keeps {@link RunBoard} live for
 * queries and writes every transition through {@link RunJournal}.
 *
 * <p>The record is written ahead of the work (see {@link RunJournal}): a stage's starts land before
 * its steps are scheduled, each end before the workflow goes on. The launcher records the run
 * (pending) before its workflow starts, and the run's end event is written with everything still
 * buffered.
 *
 * <p>Cancelled, it writes run.cancelled and returns a CANCELLED state, but Temporal (SDK 1.38)
 * closes any cancel-requested workflow as cancelled and drops the returned value: callers get a
 * {@code WorkflowFailedException} caused by {@code CanceledFailure} and read the final state with
 * {@link #state()} or from the record.
 */
public class RunbookWorkflowImpl implements RunbookWorkflow {
  private static final Logger log = Workflow.getLogger(RunbookWorkflowImpl.class);

  private RunBoard board;
  private RunJournal journal;
  private final List<Promise<Void>> inFlight = new ArrayList<>();
  private String abortReason;
  private TabletopWalk tabletop;

  @Override
  public RunState run(RunInput input) {
    board = new RunBoard(input.runId(), input.plan());
    journal = new RunJournal(input.runId());
    if (input.mode() == RunMode.TABLETOP) {
      // Tabletop runs were refused before they existed, so no recorded history takes this path.
      tabletop = new TabletopWalk(input, board, journal);
      return tabletop.run();
    }
    StepDispatcher dispatcher =
        new StepDispatcher(new NotifyRequests(input, board), Workflow.getInfo().getTaskQueue());
    log.info("run {} of {} started ({})", input.runId(), input.plan().name(), input.mode());
    board.runStarted();
    journal.runEvent(RUN_STARTED, input.mode().apiName() + " run launched by " + input.launcher());
    try {
      for (Stage stage : input.plan().stages()) {
        if (abortReason == null) {
          runStage(stage, dispatcher);
        } else {
          skip(stage, "not run: " + abortReason);
        }
      }
    } catch (TemporalFailure failure) {
      if (!CancellationScope.current().isCancelRequested()) {
        throw failure;
      }
      return endCancelled();
    }
    return abortReason == null
        ? end(RUN_SUCCEEDED, successMessage())
        : end(RUN_FAILED, abortReason);
  }

  @Override
  public RunState state() {
    return board == null ? RunBoard.notStarted() : board.snapshot();
  }

  @Override
  public void validateAcknowledge(AcknowledgeRequest request) {
    if (tabletop == null) {
      throw new IllegalArgumentException(
          board == null
              ? "the run has not started yet"
              : "only tabletop runs take acknowledgements");
    }
    tabletop.validate(request);
  }

  @Override
  public StepState acknowledge(AcknowledgeRequest request) {
    return tabletop.acknowledge(request);
  }

  private void runStage(Stage stage, StepDispatcher dispatcher) {
    for (Step step : stage.steps()) {
      journal.stepEvent(STEP_STARTED, board.stepStarted(step.id()), null, null);
    }
    journal.writeAhead();
    inFlight.clear();
    for (Step step : stage.steps()) {
      inFlight.add(dispatcher.start(step, stage.name()).thenApply(ended -> stepEnded(step, ended)));
    }
    journal.keepUpUntil(this::stageDone);
  }

  private boolean stageDone() {
    return inFlight.stream().allMatch(Promise::isCompleted);
  }

  private Void stepEnded(Step step, StepOutcome outcome) {
    StepState ended = board.stepEnded(step.id(), outcome);
    journal.stepEvent(
        outcome.failed() ? STEP_FAILED : STEP_SUCCEEDED,
        ended,
        outcome.summary(),
        outcome.detail());
    if (outcome.failed()) {
      log.warn("step {} failed: {}", step.id(), outcome.summary());
      if (step.policy().onFailure() == OnFailure.ABORT && abortReason == null) {
        abortReason = "step " + step.id() + " failed: " + outcome.summary();
      }
    }
    return null;
  }

  private void skip(Stage stage, String why) {
    for (Step step : stage.steps()) {
      journal.stepEvent(STEP_SKIPPED, board.stepSkipped(step.id(), why), why, null);
    }
  }

  private RunState end(RunEventType type, String message) {
    return end(board, journal, type, message);
  }

  /** Closes the run on the board and in the record, which is written before the run returns. */
  static RunState end(RunBoard board, RunJournal journal, RunEventType type, String message) {
    board.runEnded(type.runStatus());
    journal.runEvent(type, message);
    // The outcome is decided: a cancellation arriving now must not keep it from the record.
    Workflow.newDetachedCancellationScope(journal::flush).run();
    log.info("run ended {}: {}", type.runStatus(), message);
    return board.snapshot();
  }

  /**
   * Cancelling the workflow cancels the running step activities (their scope is the workflow's).
   * Their ends are awaited, then the rest is closed and run.cancelled written, outside the
   * cancelled scope so the record is never left without the run's end.
   */
  private RunState endCancelled() {
    Workflow.newDetachedCancellationScope(
            () -> {
              Promise.allOf(inFlight).get();
              for (StepState step : board.unfinished()) {
                if (step.status() == StepStatus.RUNNING) {
                  StepOutcome cancelled = StepFailureOutcomes.cancelled();
                  journal.stepEvent(
                      STEP_FAILED,
                      board.stepEnded(step.stepId(), cancelled),
                      cancelled.summary(),
                      cancelled.detail());
                } else {
                  String why = "not run: the run was cancelled";
                  journal.stepEvent(STEP_SKIPPED, board.stepSkipped(step.stepId(), why), why, null);
                }
              }
            })
        .run();
    return end(RUN_CANCELLED, "cancelled");
  }

  private String successMessage() {
    long failed = board.count(StepStatus.FAILED);
    long succeeded = board.count(StepStatus.SUCCEEDED);
    return failed == 0
        ? "all " + succeeded + " steps succeeded"
        : succeeded + " steps succeeded; " + failed + " failed and the plan says continue";
  }
}
