package dev.lifeboat.workflow;

import static dev.lifeboat.workflow.RunEventType.STEP_AWAITING_DECISION;
import static dev.lifeboat.workflow.RunEventType.STEP_STARTED;

import dev.lifeboat.activities.notify.NotifyChannel;
import dev.lifeboat.runbook.NotifyStep;
import dev.lifeboat.runbook.OnFailure;
import dev.lifeboat.runbook.Retry;
import dev.lifeboat.runbook.Step;
import dev.lifeboat.runbook.StepPolicy;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.List;

/**
 * Runs a step whose plan says {@code on_failure: pause}: when it fails, the step waits ({@code
 * awaiting_decision}, the run {@code paused}), a notification goes to Lifeboat's log, and a person
 * decides through {@link RunbookWorkflow#decide}: {@code retry} runs the step again with its
 * policy, {@code skip} ends it skipped (a deviation, with the reason), {@code abort} ends it
 * failed, which fails the run as a step with {@code on_failure: abort} would; whatever a failed run
 * does at its end (its {@code finally:} stages, a drill's cleanup) hooks in there, in {@link
 * RunbookWorkflowImpl}.
 *
 * <p>The pause notification always goes to the log channel: a plan's own notify steps are written
 * for their own moment (and may be in a later stage), so none is borrowed.
 */
final class PausedSteps {
  private static final StepPolicy NOTICE_POLICY =
      new StepPolicy(Duration.ofMinutes(1), Retry.DEFAULT, OnFailure.CONTINUE);

  private final RunInput input;
  private final RunBoard board;
  private final RunJournal journal;
  private final StepDecisions decisions;
  private final StepDispatcher dispatcher;

  PausedSteps(
      RunInput input,
      RunBoard board,
      RunJournal journal,
      StepDecisions decisions,
      StepDispatcher dispatcher) {
    this.input = input;
    this.board = board;
    this.journal = journal;
    this.decisions = decisions;
    this.dispatcher = dispatcher;
  }

  Promise<StepOutcome> start(Step step, String stageName) {
    return Async.function(() -> untilDecided(step, stageName));
  }

  private StepOutcome untilDecided(Step step, String stageName) {
    Workflow.getVersion(ApprovalGates.CHANGE_ID, Workflow.DEFAULT_VERSION, 1);
    while (true) {
      StepOutcome outcome = dispatcher.start(step, stageName).get();
      if (!outcome.failed()
          || StepFailureOutcomes.CANCELLED_WHILE_RUNNING.equals(outcome.summary())) {
        return outcome;
      }
      StepState waiting = board.stepAwaiting(step.id(), STEP_AWAITING_DECISION, outcome.summary());
      journal.stepEvent(STEP_AWAITING_DECISION, waiting, outcome.summary(), null);
      tell(step, stageName);
      try {
        Workflow.await(() -> decisions.decided(step));
      } catch (CanceledFailure cancelled) {
        // The run was cancelled while it waited: the step ends as a step cancelled while running.
        return StepFailureOutcomes.cancelled();
      }
      StepDecision decision = decisions.takeDecision(step.id()).orElseThrow();
      Decision who = last(board.find(step.id()).orElseThrow().decisions());
      switch (decision) {
        case RETRY ->
            journal.stepEvent(
                STEP_STARTED,
                board.stepStarted(step.id()),
                "retried, as " + who.by() + " decided",
                null);
        case SKIP -> {
          return new StepOutcome(
              StepStatus.SKIPPED,
              outcome.attempt(),
              "skipped by "
                  + who.by()
                  + " after it failed ("
                  + outcome.summary()
                  + "): "
                  + who.comment(),
              null);
        }
        case ABORT -> {
          return new StepOutcome(
              StepStatus.FAILED,
              outcome.attempt(),
              outcome.summary() + "; " + who.by() + " decided to abort the run" + reason(who),
              outcome.detail());
        }
      }
    }
  }

  private void tell(Step step, String stageName) {
    String needed = input.mode().requiresRecoveryRole() ? "a commander" : "an operator";
    String message =
        "run "
            + input.runId()
            + " of "
            + input.plan().name()
            + " is paused: step "
            + step.id()
            + " failed and waits for "
            + needed
            + " to decide: retry, skip (with a reason) or abort (lifeboat decide "
            + input.runId()
            + " "
            + step.id()
            + " retry|skip|abort --reason ...)";
    NotifyStep notice =
        new NotifyStep(step.id() + "-paused", NOTICE_POLICY, NotifyChannel.LOG, null, message);
    dispatcher.start(notice, stageName).get();
  }

  private static Decision last(List<Decision> decisions) {
    return decisions.get(decisions.size() - 1);
  }

  private static String reason(Decision who) {
    return who.comment() == null || who.comment().isBlank() ? "" : ": " + who.comment();
  }
}
