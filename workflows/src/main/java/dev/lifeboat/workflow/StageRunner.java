package dev.lifeboat.workflow;

import static dev.lifeboat.workflow.RunEventType.STEP_FAILED;
import static dev.lifeboat.workflow.RunEventType.STEP_SKIPPED;
import static dev.lifeboat.workflow.RunEventType.STEP_STARTED;
import static dev.lifeboat.workflow.RunEventType.STEP_SUCCEEDED;

import dev.lifeboat.runbook.Stage;
import dev.lifeboat.runbook.Step;
import io.temporal.workflow.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Runs one stage: starts every step at once, puts each start and end on the {@link RunBoard} and in
 * the {@link RunJournal}, and returns when all of them have ended. The main stages and the {@code
 * finally:} stages run through the same runner. A step not run in the run's mode ({@link
 * StepModes}) is skipped, saying why.
 *
 * <p>The record is written ahead of the work ({@link RunJournal}): the stage's starts land before
 * its steps are scheduled, and each end is written while its siblings still run.
 */
final class StageRunner {
  private final RunBoard board;
  private final RunJournal journal;
  private final StepDispatcher dispatcher;
  private final StepModes modes;
  private final Consumer<Step> registerUndo;
  private final List<Promise<Void>> inFlight = new ArrayList<>();

  StageRunner(RunBoard board, RunJournal journal, StepDispatcher dispatcher, StepModes modes) {
    this(board, journal, dispatcher, modes, step -> {});
  }

  /**
   * @param registerUndo hears of each step about to start, to register its undo first
   */
  StageRunner(
      RunBoard board,
      RunJournal journal,
      StepDispatcher dispatcher,
      StepModes modes,
      Consumer<Step> registerUndo) {
    this.board = board;
    this.journal = journal;
    this.dispatcher = dispatcher;
    this.modes = modes;
    this.registerUndo = registerUndo;
  }

  /**
   * Runs the stage's steps in parallel; {@code ended} hears of each step's end once it is on the
   * board and in the journal. A cancellation of the calling scope surfaces here as a {@code
   * CanceledFailure}; {@link #awaitInFlight} then waits for the steps it cancelled.
   */
  void run(Stage stage, BiConsumer<Step, StepOutcome> ended) {
    List<Step> running = new ArrayList<>();
    for (Step step : stage.steps()) {
      modes
          .skipReason(step)
          .ifPresentOrElse(
              why -> journal.stepEvent(STEP_SKIPPED, board.stepSkipped(step.id(), why), why, null),
              () -> {
                registerUndo.accept(step);
                journal.stepEvent(STEP_STARTED, board.stepStarted(step.id()), null, null);
                running.add(step);
              });
    }
    journal.writeAhead();
    inFlight.clear();
    for (Step step : running) {
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
    journal.keepUpUntil(this::stageDone);
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
