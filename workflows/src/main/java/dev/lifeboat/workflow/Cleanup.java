package dev.lifeboat.workflow;

import static dev.lifeboat.workflow.RunEventType.RUN_CLEANUP;
import static dev.lifeboat.workflow.RunEventType.UNDO_FAILED;
import static dev.lifeboat.workflow.RunEventType.UNDO_REGISTERED;
import static dev.lifeboat.workflow.RunEventType.UNDO_STARTED;
import static dev.lifeboat.workflow.RunEventType.UNDO_SUCCEEDED;

import dev.lifeboat.runbook.ApproverRole;
import dev.lifeboat.runbook.Step;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The run's undo registry. A step's {@code undo:} is registered (and recorded) before the step
 * starts, so a step cancelled or failed half-way is still undone. At the end of a drill every
 * registered undo runs, newest first, whether the run succeeded, failed or was cancelled: each with
 * its own timeout and retry, one after another, in a detached cancellation scope so a cancel cannot
 * stop the cleanup. A recovery registers its undos but runs none by itself: a commander may ask for
 * one step's undo while the recovery runs ({@link #runOnRequest}), recorded with who asked and why.
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
  private final List<Promise<Void>> requested = new ArrayList<>();
  private final RunMode mode;
  private String status = "pending";
  private boolean ending;

  Cleanup(RunJournal journal, StepDispatcher dispatcher, RunMode mode) {
    this.journal = journal;
    this.dispatcher = dispatcher;
    this.runsUndos = mode == RunMode.DRILL;
    this.mode = mode;
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
    ending = true;
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

  /**
   * Refuses, before the history records anything, an undo a commander cannot have now: the run is
   * not a recovery, the caller is not a commander, the step has no undo, its undo was never
   * registered (the step has not started), it already ran, or the run is ending.
   */
  void checkRequest(UndoRequest request, Optional<Step> planStep) {
    request.problem().ifPresent(Cleanup::refuse);
    if (mode != RunMode.RECOVERY) {
      refuse(
          "a "
              + mode.apiName()
              + " runs every registered undo by itself at its end; a step's undo is asked for"
              + " only in a recovery");
    }
    if (!ApproverRole.COMMANDER.heldBy(request.role())) {
      refuse(
          "asking for an undo in a recovery needs the role commander; "
              + request.by()
              + " is "
              + request.role());
    }
    Step step =
        planStep.orElseThrow(
            () -> new IllegalArgumentException("the plan has no step '" + request.stepId() + "'"));
    if (step.policy().undoStep().isEmpty()) {
      refuse("step " + step.id() + " has no undo: its runbook gives it no undo:");
    }
    if (ending) {
      refuse("the recovery is ending; a step's undo is only available while the recovery runs");
    }
    int i = indexOf(request.stepId());
    if (i < 0) {
      refuse(
          "the undo of step "
              + request.stepId()
              + " was never registered: it is registered when its step starts, and this one has"
              + " not started");
    }
    UndoState undo = states.get(i);
    if (!undo.status().equals("pending")) {
      refuse(
          "the undo of step "
              + request.stepId()
              + " ("
              + undo.undoId()
              + ") already ran: it is "
              + undo.status()
              + (undo.requestedBy() == null ? "" : ", asked for by " + undo.requestedBy()));
    }
  }

  /**
   * Starts the step's undo, asked for by a commander, with its own timeout and retry, outside the
   * run's cancellation (a cancel does not stop it, and the run waits for it before it ends);
   * answers its state, now running. Its end is recorded like a drill cleanup's undo.
   */
  UndoState runOnRequest(UndoRequest request) {
    int i = indexOf(request.stepId());
    Step undo = undos.get(i);
    UndoState running = states.get(i).requested(request.by(), request.reason());
    states.set(i, running);
    journal.undoEvent(
        UNDO_STARTED,
        undo,
        0,
        "undo of " + request.stepId() + ", asked for by " + request.by() + ": " + request.reason(),
        request);
    List<Promise<StepOutcome>> started = new ArrayList<>();
    Workflow.newDetachedCancellationScope(() -> started.add(dispatcher.start(undo, STAGE))).run();
    requested.add(
        started
            .get(0)
            .thenApply(
                outcome -> {
                  ended(i, undo, outcome);
                  return null;
                }));
    return running;
  }

  /** The plan step whose undo is registered under {@code stepId}, or -1. */
  private int indexOf(String stepId) {
    return IntStream.range(0, states.size())
        .filter(i -> states.get(i).stepId().equals(stepId))
        .findFirst()
        .orElse(-1);
  }

  private void ended(int i, Step undo, StepOutcome outcome) {
    states.set(i, states.get(i).with(outcome.failed() ? "failed" : "succeeded", outcome.summary()));
    journal.undoEvent(
        outcome.failed() ? UNDO_FAILED : UNDO_SUCCEEDED,
        undo,
        outcome.attempt(),
        outcome.summary(),
        outcome.detail());
  }

  private static void refuse(String why) {
    throw new IllegalArgumentException(why);
  }

  private void runUndos() {
    if (!runsUndos) {
      // An undo a commander asked for ends before the run does, even a cancelled run.
      if (!requested.isEmpty()) {
        Promise.allOf(requested).get();
      }
      status = "not_run";
      List<String> asked = new ArrayList<>();
      for (int i = 0; i < states.size(); i++) {
        if (states.get(i).requestedBy() == null) {
          states.set(i, states.get(i).with("not_run", "a recovery runs undos only on request"));
        } else {
          asked.add(states.get(i).stepId());
        }
      }
      journal.runEvent(
          RUN_CLEANUP,
          "cleanup: not run (a recovery)"
              + (asked.isEmpty() ? "" : "; undone on request: " + String.join(", ", asked)),
          current());
      journal.flush();
      return;
    }
    status = "running";
    for (int i = undos.size() - 1; i >= 0; i--) {
      Step undo = undos.get(i);
      states.set(i, states.get(i).with("running", null));
      journal.undoEvent(UNDO_STARTED, undo, 0, "undo of " + states.get(i).stepId(), null);
      journal.flush();
      ended(i, undo, dispatcher.start(undo, STAGE).get());
    }
    status = states.stream().anyMatch(s -> s.status().equals("failed")) ? "incomplete" : "complete";
    journal.runEvent(RUN_CLEANUP, "cleanup: " + current().describe(), current());
  }
}
