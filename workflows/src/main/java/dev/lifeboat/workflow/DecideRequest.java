package dev.lifeboat.workflow;

import java.util.Objects;
import java.util.Optional;

/**
 * A person decides what happens to a step paused after its failure: the argument of {@link
 * RunbookWorkflow#decide}.
 *
 * @param reason required to skip (the skip is recorded as a deviation from the plan)
 * @param by the authenticated caller (never taken from a request body)
 * @param role the caller's role name
 */
public record DecideRequest(
    String stepId, StepDecision decision, String reason, String by, String role) {
  public static final int MAX_REASON = 4000;

  public DecideRequest {
    Objects.requireNonNull(stepId, "stepId");
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(role, "role");
  }

  /** What is wrong with the request whatever the run's state; checked by the API and validator. */
  public Optional<String> problem() {
    if (decision == StepDecision.SKIP && (reason == null || reason.isBlank())) {
      return Optional.of("a skip needs a reason: it is recorded as a deviation from the plan");
    }
    return Comments.tooLong("reason", reason, MAX_REASON);
  }
}
