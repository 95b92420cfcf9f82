package dev.lifeboat.workflow;

import static dev.lifeboat.workflow.RunEventType.STEP_DECIDED;

import dev.lifeboat.runbook.ApprovalStep;
import dev.lifeboat.runbook.ApproverRole;
import dev.lifeboat.runbook.Step;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What people decide on a running drill or recovery: approvals and rejections of approval steps,
 * and retry, skip or abort of a step paused after its failure. Each rule is checked by {@link
 * #checkApproval} or {@link #checkDecision}, the workflow's update validators, so a refused
 * decision leaves no trace in the history; an accepted one is on the board and in the journal
 * before the update answers. Workflow code: deterministic, no IO.
 */
final class StepDecisions {
  private final RunInput input;
  private final RunBoard board;
  private final RunJournal journal;
  private final Map<String, ApprovalStep> approvalSteps = new HashMap<>();

  /** For each approval step waiting: how many of its decisions came before the wait began. */
  private final Map<String, Integer> gatesOpenedAt = new HashMap<>();

  /** For each paused step: the decision taken, until the step acts on it. */
  private final Map<String, StepDecision> taken = new HashMap<>();

  StepDecisions(RunInput input, RunBoard board, RunJournal journal) {
    this.input = input;
    this.board = board;
    this.journal = journal;
    input
        .plan()
        .allStages()
        .flatMap(stage -> stage.steps().stream())
        .forEach(
            step -> {
              if (step instanceof ApprovalStep approval) {
                approvalSteps.put(step.id(), approval);
              }
            });
  }

  /** The approval step now waits for its approvers; decisions before this one do not count. */
  void gateOpened(String stepId) {
    gatesOpenedAt.put(stepId, board.find(stepId).orElseThrow().decisions().size());
  }

  /** The approvals given since the step's wait began, in order. */
  List<Decision> approvals(String stepId) {
    return sinceGate(stepId).stream().filter(d -> d.decision().equals("approve")).toList();
  }

  /** The rejection given since the step's wait began, if any. */
  Optional<Decision> rejection(String stepId) {
    return sinceGate(stepId).stream().filter(d -> d.decision().equals("reject")).findFirst();
  }

  /** Rejects, before the history records anything, an approval or rejection the run cannot take. */
  void checkApproval(ApprovalRequest request) {
    request.problem().ifPresent(StepDecisions::refuse);
    StepState step = waiting(request.stepId(), StepStatus.AWAITING_APPROVAL, "approval");
    ApprovalStep approval = approvalSteps.get(step.stepId());
    if (!approval.role().heldBy(request.role())) {
      refuse(
          "step "
              + step.stepId()
              + " needs approvers holding the role "
              + approval.role().apiName()
              + "; "
              + request.by()
              + " is "
              + request.role());
    }
    if (request.approve() && request.by().equals(input.launcher())) {
      refuse(
          request.by()
              + " launched this run and cannot approve it: the approvers must be other people");
    }
    for (Decision earlier : sinceGate(step.stepId())) {
      if (earlier.by().equals(request.by())) {
        refuse(
            request.by()
                + " already decided on step "
                + step.stepId()
                + " ("
                + earlier.decision()
                + "); the same person cannot count twice");
      }
    }
  }

  StepState approve(ApprovalRequest request) {
    checkApproval(request);
    Decision decision =
        new Decision(
            request.by(),
            request.role(),
            request.decision(),
            request.comment(),
            WorkflowTime.now());
    ApprovalStep step = approvalSteps.get(request.stepId());
    String summary =
        request.approve()
            ? "approved by "
                + (approvals(step.id()).size() + 1)
                + " of "
                + step.approvers()
                + " approvers (latest "
                + request.by()
                + ")"
            : "rejected by " + request.by() + ": " + request.comment();
    return record(request.stepId(), decision, summary);
  }

  /** Rejects, before the history records anything, a decision the paused step cannot take. */
  void checkDecision(DecideRequest request) {
    request.problem().ifPresent(StepDecisions::refuse);
    StepState step = waiting(request.stepId(), StepStatus.AWAITING_DECISION, "decision");
    ApproverRole needed =
        input.mode().requiresRecoveryRole() ? ApproverRole.COMMANDER : ApproverRole.OPERATOR;
    if (!needed.heldBy(request.role())) {
      refuse(
          "deciding on a step of a "
              + input.mode().apiName()
              + " needs the role "
              + needed.apiName()
              + "; "
              + request.by()
              + " is "
              + request.role()
              + " (step "
              + step.stepId()
              + ")");
    }
  }

  StepState decide(DecideRequest request) {
    checkDecision(request);
    Decision decision =
        new Decision(
            request.by(),
            request.role(),
            request.decision().apiName(),
            request.reason(),
            WorkflowTime.now());
    taken.put(request.stepId(), request.decision());
    String why =
        request.reason() == null || request.reason().isBlank() ? "" : ": " + request.reason();
    return record(
        request.stepId(), decision, request.decision().apiName() + " by " + request.by() + why);
  }

  /** The decision taken for the paused step, once someone took one; forgotten once read. */
  Optional<StepDecision> takeDecision(String stepId) {
    return Optional.ofNullable(taken.remove(stepId));
  }

  boolean decided(Step step) {
    return taken.containsKey(step.id());
  }

  private StepState record(String stepId, Decision decision, String summary) {
    StepState step = board.stepDecided(stepId, decision, summary);
    journal.stepEvent(STEP_DECIDED, step, summary, decision);
    return step;
  }

  private List<Decision> sinceGate(String stepId) {
    List<Decision> all = board.find(stepId).orElseThrow().decisions();
    int from = Math.min(gatesOpenedAt.getOrDefault(stepId, all.size()), all.size());
    return all.subList(from, all.size());
  }

  private StepState waiting(String stepId, StepStatus wanted, String what) {
    StepState step =
        board.find(stepId).orElseThrow(() -> refusal("the plan has no step '" + stepId + "'"));
    if (step.status() != wanted) {
      refuse(
          "step "
              + stepId
              + " is not awaiting "
              + (what.equals("approval") ? "approval" : "a decision")
              + " (it is "
              + step.status().apiName()
              + ")");
    }
    return step;
  }

  private static IllegalArgumentException refusal(String why) {
    return new IllegalArgumentException(why);
  }

  private static void refuse(String why) {
    throw refusal(why);
  }
}
