package dev.lifeboat.workflow;

import static dev.lifeboat.workflow.RunEventType.RUN_CLEANUP;
import static dev.lifeboat.workflow.RunEventType.UNDO_FAILED;
import static dev.lifeboat.workflow.RunEventType.UNDO_REGISTERED;
import static dev.lifeboat.workflow.RunEventType.UNDO_STARTED;
import static dev.lifeboat.workflow.RunEventType.UNDO_SUCCEEDED;

import dev.lifeboat.runbook.Step;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's undo registry. A step's {@code undo:} is registered (and recorded) before the step
 * starts, so a step cancelled or failed half-way is still undone. At the end of a drill every
 * registered undo runs, newest first, whether the run succeeded, failed or was cancelled: each with
 * its own timeout and retry, one after another, in a detached cancellation scope so a cancel cannot
 * stop the cleanup. A recovery registers its undos but runs none.
 */
final class Cleanup {
  /** Change id of undo registration and cleanup; histories without it had neither. */
  static final String CHANGE_ID = "cleanup-undo";

  static final String STAGE = "cleanup";

  private final RunJournal journal;
  private final StepDispatcher dispatcher;
  private final boolean runsUndos;
  private final List<Step> undos = new ArrayList<>();
  private final List<UndoState> states = new ArrayList<>();
  private String status = "pending";

  Cleanup(RunJournal journal, StepDispatcher dispatcher, RunMode mode) {
    this.journal = journal;
    this.dispatcher = dispatcher;
    this.runsUndos = mode == RunMode.DRILL;
  }

  /** Registers {@code step}'s undo, if it has one; called before the step starts. */
  void register(Step step) {
    step.policy()
        .undoStep()
        .ifPresent(
            undo -> {
              undos.add(undo);
              states.add(new UndoState(step.id(), undo.id(), undo.kindName(), "pending", null));
              journal.undoEvent(
                  UNDO_REGISTERED, undo, 0, "undo of " + step.id() + " registered", null);
            });
  }

  /**
   * Runs every registered undo, newest first, in a drill; records the cleanup's outcome and returns
   * it as a note for the run's end message.
   */
  String run() {
    if (undos.isEmpty()) {
      return ""; // nothing to clean up: the run reads as it did before undos existed
    }
    Workflow.newDetachedCancellationScope(this::runUndos).run();
    return "; cleanup: " + state().describe();
  }

  /** The cleanup so far, or null when the run registered no undo. */
  CleanupState state() {
    if (undos.isEmpty()) {
      return null;
    }
    return current();
  }

  private CleanupState current() {
    List<String> incomplete =
        states.stream().filter(s -> s.status().equals("failed")).map(UndoState::stepId).toList();
    return new CleanupState(status, incomplete, states);
  }

  private void runUndos() {
    if (!runsUndos) {
      status = "not_run";
      for (int i = 0; i < states.size(); i++) {
        states.set(i, states.get(i).with("not_run", "a recovery runs undos only on request"));
      }
      journal.runEvent(RUN_CLEANUP, "cleanup: not run (a recovery)", current());
      journal.flush();
      return;
    }
    status = "running";
    for (int i = undos.size() - 1; i >= 0; i--) {
      Step undo = undos.get(i);
      states.set(i, states.get(i).with("running", null));
      journal.undoEvent(UNDO_STARTED, undo, 0, "undo of " + states.get(i).stepId(), null);
      journal.flush();
      StepOutcome outcome = dispatcher.start(undo, STAGE).get();
      states.set(
          i, states.get(i).with(outcome.failed() ? "failed" : "succeeded", outcome.summary()));
      journal.undoEvent(
          outcome.failed() ? UNDO_FAILED : UNDO_SUCCEEDED,
          undo,
          outcome.attempt(),
          outcome.summary(),
          outcome.detail());
    }
    status = states.stream().anyMatch(s -> s.status().equals("failed")) ? "incomplete" : "complete";
    journal.runEvent(RUN_CLEANUP, "cleanup: " + current().describe(), current());
  }
}
