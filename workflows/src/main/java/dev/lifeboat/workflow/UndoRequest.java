package dev.lifeboat.workflow;

import java.util.Objects;
import java.util.Optional;

/**
 * A commander asks for one step's undo in a recovery, where undos do not run by themselves: the
 * argument of {@link RunbookWorkflow#undo}.
 *
 * @param reason why, required: running an undo in a recovery is a decision to take something back
 * @param by the authenticated caller (never taken from a request body)
 * @param role the caller's role name
 */
public record UndoRequest(String stepId, String reason, String by, String role) {
  public static final int MAX_REASON = 4000;

  public UndoRequest {
    Objects.requireNonNull(stepId, "stepId");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(role, "role");
  }

  /** What is wrong with the request whatever the run's state; checked by the API and validator. */
  public Optional<String> problem() {
    if (reason == null || reason.isBlank()) {
      return Optional.of("an undo needs a reason: it is recorded with who asked for it");
    }
    return Comments.tooLong("reason", reason, MAX_REASON);
  }
}
