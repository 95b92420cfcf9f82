package dev.lifeboat.workflow;

import static dev.lifeboat.workflow.RunEventType.STEP_AWAITING_APPROVAL;
import static dev.lifeboat.workflow.RunEventType.STEP_ESCALATED;

import dev.lifeboat.runbook.ApprovalStep;
import dev.lifeboat.runbook.ApprovalTimeout;
import dev.lifeboat.runbook.Durations;
import dev.lifeboat.runbook.Step;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Holds an approval step until enough distinct people approve it ({@link StepDecisions} checks who
 * may), and fails it at the first rejection. When its timeout passes first, its {@code escalate}
 * message is sent (as a notify step is), then the step fails or keeps waiting, as it says. No
 * activity runs for the approval itself: it is a durable wait in the workflow.
 */
final class ApprovalGates {
  /** Change id of approval steps and {@code on_failure: pause}; no older history reaches them. */
  static final String CHANGE_ID = "approvals-and-pauses";

  private final StepDecisions decisions;
  private final RunBoard board;
  private final RunJournal journal;
  private final BiFunction<Step, String, Promise<StepOutcome>> steps;

  /**
   * @param steps starts a step (the escalation's notify) as the dispatcher does
   */
  ApprovalGates(
      StepDecisions decisions,
      RunBoard board,
      RunJournal journal,
      BiFunction<Step, String, Promise<StepOutcome>> steps) {
    this.decisions = decisions;
    this.board = board;
    this.journal = journal;
    this.steps = steps;
  }

  Promise<StepOutcome> start(ApprovalStep step, String stageName) {
    return Async.function(() -> hold(step, stageName));
  }

  private StepOutcome hold(ApprovalStep step, String stageName) {
    Workflow.getVersion(CHANGE_ID, Workflow.DEFAULT_VERSION, 1);
    decisions.gateOpened(step.id());
    String waiting =
        "awaiting "
            + step.approvers()
            + (step.approvers() == 1 ? " approval" : " approvals")
            + " by distinct people holding the role "
            + step.role().apiName()
            + " (not the launcher), for up to "
            + Durations.format(step.policy().timeout());
    journal.stepEvent(
        STEP_AWAITING_APPROVAL,
        board.stepAwaiting(step.id(), STEP_AWAITING_APPROVAL, waiting),
        waiting,
        null);
    if (!Workflow.await(step.policy().timeout(), () -> settled(step))) {
      String escalated = escalate(step, stageName);
      if (step.onTimeout() == ApprovalTimeout.FAIL) {
        throw ApplicationFailure.newNonRetryableFailure(
            "not approved within "
                + Durations.format(step.policy().timeout())
                + ": "
                + progress(step)
                + "; "
                + escalated,
            "NOT_APPROVED");
      }
      Workflow.await(() -> settled(step));
    }
    decisions
        .rejection(step.id())
        .ifPresent(
            rejected -> {
              throw ApplicationFailure.newNonRetryableFailure(
                  "rejected by " + rejected.by() + ": " + rejected.comment(), "REJECTED");
            });
    List<Decision> approvals = decisions.approvals(step.id());
    return new StepOutcome(
        StepStatus.SUCCEEDED, 1, "approved by " + names(approvals), new ApprovalResult(approvals));
  }

  /** Sends the escalation, if the step has one; answers what to say of it. */
  private String escalate(ApprovalStep step, String stageName) {
    String said;
    if (step.escalate() == null) {
      said = "no escalation configured";
    } else {
      StepOutcome sent = steps.apply(step.escalate(), stageName).get();
      said =
          sent.failed()
              ? "escalation failed: " + sent.summary()
              : "escalated (" + sent.summary() + ")";
    }
    String message =
        "timeout passed with "
            + progress(step)
            + "; "
            + said
            + (step.onTimeout() == ApprovalTimeout.WAIT ? "; still waiting" : "");
    journal.stepEvent(
        STEP_ESCALATED, board.stepAwaiting(step.id(), STEP_ESCALATED, message), message, null);
    return said;
  }

  private String progress(ApprovalStep step) {
    List<Decision> approvals = decisions.approvals(step.id());
    return approvals.size()
        + " of "
        + step.approvers()
        + " approvals"
        + (approvals.isEmpty() ? "" : " (" + names(approvals) + ")");
  }

  private boolean settled(ApprovalStep step) {
    return decisions.rejection(step.id()).isPresent()
        || decisions.approvals(step.id()).size() >= step.approvers();
  }

  private static String names(List<Decision> approvals) {
    return approvals.stream().map(Decision::by).collect(Collectors.joining(", "));
  }
}
