package dev.lifeboat.app.api;

import dev.lifeboat.app.auth.Caller;
import dev.lifeboat.workflow.ApprovalRequest;
import dev.lifeboat.workflow.DecideRequest;
import dev.lifeboat.workflow.StepDecision;
import dev.lifeboat.workflow.UndoRequest;
import java.util.Optional;

/**
 * The bodies of the approve, reject, decide and undo endpoints, checked as the workflow's validator
 * would check them whatever the run's state, so a bad request is answered 400 here and never
 * reaches Temporal. Who decides, and with which role, is the caller, never a field of the body.
 */
final class DecisionBodies {
  private DecisionBodies() {}

  /** {@code {"comment": "..."}}; optional to approve, required to reject. */
  record CommentBody(String comment) {}

  /** {@code {"decision": "retry" | "skip" | "abort", "reason": "..."}}. */
  record DecideBody(String decision, String reason) {}

  /** {@code {"reason": "..."}}, required. */
  record UndoBody(String reason) {}

  static UndoRequest undo(String stepId, UndoBody body, Caller caller) {
    String reason = body == null ? null : body.reason();
    text("reason", reason);
    UndoRequest request = new UndoRequest(stepId, reason, caller.name(), caller.role().apiName());
    refuse(request.problem(), "bad_undo");
    return request;
  }

  static ApprovalRequest approval(String stepId, CommentBody body, boolean approve, Caller caller) {
    String comment = body == null ? null : body.comment();
    text("comment", comment);
    ApprovalRequest request =
        new ApprovalRequest(stepId, approve, comment, caller.name(), caller.role().apiName());
    refuse(request.problem(), "bad_approval");
    return request;
  }

  static DecideRequest decision(String stepId, DecideBody body, Caller caller) {
    if (body == null || body.decision() == null) {
      throw new ApiException(
          400,
          "missing_decision",
          "send a JSON body such as {\"decision\": \"skip\", \"reason\": \"restored by hand\"};"
              + " decision is retry, skip or abort");
    }
    StepDecision decision =
        StepDecision.fromApiName(body.decision())
            .orElseThrow(
                () ->
                    new ApiException(
                        400,
                        "bad_decision",
                        "decision must be retry, skip or abort; got '"
                            + Names.shortened(body.decision())
                            + "'"));
    text("reason", body.reason());
    DecideRequest request =
        new DecideRequest(stepId, decision, body.reason(), caller.name(), caller.role().apiName());
    refuse(request.problem(), "bad_decision");
    return request;
  }

  private static void text(String name, String text) {
    if (text != null) {
      Texts.problem(text)
          .ifPresent(
              problem -> {
                throw new ApiException(400, "bad_" + name, name + " " + problem);
              });
    }
  }

  private static void refuse(Optional<String> problem, String code) {
    problem.ifPresent(
        why -> {
          throw new ApiException(400, code, why);
        });
  }
}
