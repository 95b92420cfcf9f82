package dev.lifeboat.workflow;

import static dev.lifeboat.workflow.RunEventType.STEP_FAILED;
import static dev.lifeboat.workflow.RunEventType.STEP_STARTED;
import static dev.lifeboat.workflow.RunEventType.STEP_SUCCEEDED;

import dev.lifeboat.runbook.Stage;
import dev.lifeboat.runbook.Step;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Runs one stage: starts every step at once, puts each start and end on the {@link RunBoard} and in
 * the {@link RunJournal}, and returns when all of them have ended. The main stages and the {@code
 * finally:} stages run through the same runner.
 *
 * <p>Writes are batched: a transition waits at most {@link #RECORD_LAG} in the journal, so a run of
 * fast steps takes a few writes while steps that take seconds are recorded as they start and end.
 */
final class StageRunner {
  /**
   * The longest a transition waits in the journal before it is written. Steps that take seconds or
   * more (every real DR step) are recorded as they start and end; runs of fast steps are written in
   * a few batches instead of one write per step.
   */
  static final Duration RECORD_LAG = Duration.ofSeconds(1);

  private final RunBoard board;
  private final RunJournal journal;
  private final StepDispatcher dispatcher;
  private final List<Promise<Void>> inFlight = new ArrayList<>();

  /**
   * Fires {@link #RECORD_LAG} after the oldest unwritten transition; one timer serves many fast
   * stages, where a timer per stage would cost a server round of its own each time.
   */
  private Promise<Void> recordDue;

  StageRunner(RunBoard board, RunJournal journal, StepDispatcher dispatcher) {
    this.board = board;
    this.journal = journal;
    this.dispatcher = dispatcher;
  }

  /**
   * Runs the stage's steps in parallel; {@code ended} hears of each step's end once it is on the
   * board and in the journal. A cancellation of the calling scope surfaces here as a {@code
   * CanceledFailure}; {@link #awaitInFlight} then waits for the steps it cancelled.
   */
  void run(Stage stage, BiConsumer<Step, StepOutcome> ended) {
    for (Step step : stage.steps()) {
      journal.stepEvent(STEP_STARTED, board.stepStarted(step.id()), null, null);
    }
    inFlight.clear();
    for (Step step : stage.steps()) {
      inFlight.add(
          dispatcher
              .start(step, stage.name())
              .thenApply(
                  outcome -> {
                    stepEnded(step, outcome);
                    ended.accept(step, outcome);
                    return null;
                  }));
    }
    while (!stageDone()) {
      if (recordDue == null && journal.hasPending()) {
        recordDue = Workflow.newTimer(RECORD_LAG);
      }
      Promise<Void> due = recordDue;
      Workflow.await(() -> stageDone() || (due == null ? journal.hasPending() : due.isCompleted()));
      if (due != null && due.isCompleted()) {
        recordDue = null;
        journal.flush();
      }
    }
  }

  /** Waits until every step of the last stage started has ended (e.g. after a cancellation). */
  void awaitInFlight() {
    Promise.allOf(inFlight).get();
  }

  private boolean stageDone() {
    return inFlight.stream().allMatch(Promise::isCompleted);
  }

  private void stepEnded(Step step, StepOutcome outcome) {
    StepState ended = board.stepEnded(step.id(), outcome);
    journal.stepEvent(
        outcome.failed() ? STEP_FAILED : STEP_SUCCEEDED,
        ended,
        outcome.summary(),
        outcome.detail());
  }
}
