package dev.lifeboat.workflow;

import static dev.lifeboat.workflow.RunEventType.RUN_CANCELLED;
import static dev.lifeboat.workflow.RunEventType.RUN_FAILED;
import static dev.lifeboat.workflow.RunEventType.RUN_STARTED;
import static dev.lifeboat.workflow.RunEventType.RUN_SUCCEEDED;
import static dev.lifeboat.workflow.RunEventType.RUN_SUCCEEDED_WITH_FAILURES;
import static dev.lifeboat.workflow.RunEventType.STEP_ATTEMPT_FAILED;
import static dev.lifeboat.workflow.RunEventType.STEP_FAILED;
import static dev.lifeboat.workflow.RunEventType.STEP_SKIPPED;

import dev.lifeboat.runbook.OnFailure;
import dev.lifeboat.runbook.Runbook;
import dev.lifeboat.runbook.Stage;
import dev.lifeboat.runbook.Step;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * Runs a plan's stages in order and each stage's steps in parallel ({@link StageRunner}), then its
 * {@code finally:} stages however the main stages ended ({@link FinallyStages}), keeps {@link
 * RunBoard} live for queries and writes every transition through {@link RunJournal}. The launcher
 * records the run (pending) before its workflow starts, and the run's end event is written with
 * everything still buffered.
 *
 * <p>The run's status is its main stages' outcome: succeeded, succeeded_with_failures (a step the
 * plan says to continue past failed), failed or cancelled; finally stages run while the run is
 * still running and never change it.
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
  private String abortReason;
  private String abortingStep;
  private TabletopWalk tabletop;
  private StepDecisions decisions;
  private Cleanup cleanup;
  private Runbook plan;

  /** How the main stages ended. */
  private record Ending(RunEventType type, String message) {}

  @Override
  public RunState run(RunInput input) {
    board = new RunBoard(input.runId(), input.plan());
    journal = new RunJournal(input.runId());
    StepModes modes = StepModes.of(input.plan(), input.mode());
    if (input.mode().promptsSteps()) {
      // Tabletop runs were refused before they existed, so no recorded history takes this path.
      tabletop = new TabletopWalk(input, board, journal, modes);
      return tabletop.run();
    }
    plan = input.plan();
    decisions = new StepDecisions(input, board, journal);
    StepDispatcher dispatcher =
        new StepDispatcher(
            new NotifyRequests(input, board),
            Workflow.getInfo().getTaskQueue(),
            steps -> new ApprovalGates(decisions, board, journal, steps::start));
    cleanup =
        Workflow.getVersion(Cleanup.CHANGE_ID, Workflow.DEFAULT_VERSION, 1) >= 1
            ? new Cleanup(journal, dispatcher, input.mode())
            : null;
    StageRunner stages =
        new StageRunner(
            board,
            journal,
            dispatcher,
            modes,
            new PausedSteps(input, board, journal, decisions, dispatcher),
            cleanup == null ? step -> {} : cleanup::register);
    if (cleanup != null) {
      board.showCleanup(cleanup::state);
    }
    log.info("run {} of {} started ({})", input.runId(), plan.name(), input.mode());
    board.runStarted();
    journal.runEvent(RUN_STARTED, started(input));
    CarryOver carryOver =
        CarryOver.apply(
            input, board, journal, modes, cleanup == null ? step -> {} : cleanup::register);
    Ending ending;
    try {
      for (Stage stage : plan.stages()) {
        // A resumed run runs only what the run it resumes did not finish.
        Optional<Stage> left = carryOver.remaining(stage);
        if (left.isEmpty()) {
          continue;
        }
        if (abortReason == null) {
          stages.run(left.get(), this::stepEnded);
        } else {
          skip(left.get(), "not run: " + abortReason);
        }
      }
      ending = abortReason == null ? succeeded() : new Ending(RUN_FAILED, abortReason);
    } catch (TemporalFailure failure) {
      if (!CancellationScope.current().isCancelRequested()) {
        throw failure;
      }
      closeCancelled(plan, stages);
      ending = new Ending(RUN_CANCELLED, "cancelled");
    }
    board.mainStagesEnded(ending.type().runStatus(), abortingStep);
    stages.noMorePauses();
    String finallyNote = new FinallyStages(plan.finallyStages(), stages).run();
    String cleanupNote = cleanup == null ? "" : cleanup.run();
    return end(ending.type(), ending.message() + finallyNote + cleanupNote);
  }

  private static String started(RunInput input) {
    String launched = input.mode().apiName() + " run launched by " + input.launcher();
    Resumption resumption = input.resumption();
    return resumption == null
        ? launched
        : launched
            + "; resumes run "
            + resumption.fromRunId()
            + " ("
            + resumption.carried().size()
            + " steps succeeded there)";
  }

  @Override
  public RunState state() {
    return board == null ? RunBoard.notStarted() : board.snapshot();
  }

  @Override
  public void attemptFailed(AttemptFailure failure) {
    if (board == null) {
      return;
    }
    board
        .attemptFailed(failure)
        .ifPresent(
            step ->
                journal.stepEvent(
                    STEP_ATTEMPT_FAILED,
                    step,
                    "attempt " + failure.attempt() + " failed: " + failure.message(),
                    failure));
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

  @Override
  public void validateApprove(ApprovalRequest request) {
    decisionsOrRefuse("approvals").checkApproval(request);
  }

  @Override
  public StepState approve(ApprovalRequest request) {
    return decisions.approve(request);
  }

  @Override
  public void validateDecide(DecideRequest request) {
    decisionsOrRefuse("decisions on paused steps").checkDecision(request);
  }

  @Override
  public StepState decide(DecideRequest request) {
    return decisions.decide(request);
  }

  @Override
  public void validateUndo(UndoRequest request) {
    if (cleanup == null) {
      throw new IllegalArgumentException(
          tabletop != null
              ? "a tabletop run runs nothing, so it has nothing to undo"
              : board == null
                  ? "the run has not started yet"
                  : "this run began before undos existed; it has none to run");
    }
    cleanup.checkRequest(
        request, plan.steps().filter(step -> step.id().equals(request.stepId())).findFirst());
  }

  @Override
  public UndoState undo(UndoRequest request) {
    validateUndo(request);
    return cleanup.runOnRequest(request);
  }

  private StepDecisions decisionsOrRefuse(String what) {
    if (decisions == null) {
      throw new IllegalArgumentException(
          tabletop != null
              ? "a tabletop run takes no " + what + "; acknowledge its prompts instead"
              : "the run has not started yet");
    }
    return decisions;
  }

  /**
   * A failed step aborts the run unless its plan says continue. A step that pauses ends failed only
   * when a person decided to abort (or the run was cancelled): that is where a failed run's end,
   * its finally stages and a drill's cleanup, takes over.
   */
  private void stepEnded(Step step, StepOutcome outcome) {
    if (outcome.failed()) {
      log.warn("step {} failed: {}", step.id(), outcome.summary());
      if (step.policy().onFailure() != OnFailure.CONTINUE && abortReason == null) {
        abortReason = "step " + step.id() + " failed: " + outcome.summary();
        abortingStep = step.id();
      }
    }
  }

  private void skip(Stage stage, String why) {
    for (Step step : stage.steps()) {
      journal.stepEvent(STEP_SKIPPED, board.stepSkipped(step.id(), why), why, null);
    }
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

  private RunState end(RunEventType type, String message) {
    return end(board, journal, type, message);
  }

  /**
   * Cancelling the workflow cancels the running step activities (their scope is the workflow's).
   * Their ends are awaited, then the main stages' other steps are closed, outside the cancelled
   * scope so the record is never left without them.
   */
  private void closeCancelled(Runbook plan, StageRunner stages) {
    Workflow.newDetachedCancellationScope(
            () -> {
              stages.awaitInFlight();
              for (StepState step : board.unfinished(plan.stages())) {
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
  }

  /**
   * Every main step ran; a failed one the plan says to continue past, or one a person decided to
   * skip after it failed (a deviation), is not a plain success.
   */
  private Ending succeeded() {
    long failed = board.count(StepStatus.FAILED);
    long succeeded = board.count(StepStatus.SUCCEEDED);
    long skipped = board.skippedByDecision();
    if (failed == 0 && skipped == 0) {
      return new Ending(RUN_SUCCEEDED, "all " + succeeded + " steps succeeded");
    }
    String message = succeeded + " steps succeeded";
    if (failed > 0) {
      message += "; " + failed + " failed and the plan says continue";
    }
    if (skipped > 0) {
      message += "; " + skipped + " skipped by decision after failing (a deviation)";
    }
    return new Ending(RUN_SUCCEEDED_WITH_FAILURES, message);
  }
}
