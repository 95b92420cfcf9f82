package dev.lifeboat.workflow;

import java.util.Objects;
import java.util.Optional;

/**
 * A person approves or rejects an approval step: the argument of {@link RunbookWorkflow#approve}.
 *
 * @param by the authenticated caller (never taken from a request body)
 * @param role the caller's role name ({@code operator}, {@code commander}, {@code admin})
 * @param comment required to reject, at most {@link #MAX_COMMENT} characters
 */
public record ApprovalRequest(
    String stepId, boolean approve, String comment, String by, String role) {
  public static final int MAX_COMMENT = 4000;

  public ApprovalRequest {
    Objects.requireNonNull(stepId, "stepId");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(role, "role");
  }

  /** {@code approve} or {@code reject}. */
  public String decision() {
    return approve ? "approve" : "reject";
  }

  /** What is wrong with the request whatever the run's state; checked by the API and validator. */
  public Optional<String> problem() {
    if (!approve && (comment == null || comment.isBlank())) {
      return Optional.of("a rejection needs a comment saying why");
    }
    return Comments.tooLong("comment", comment, MAX_COMMENT);
  }
}
