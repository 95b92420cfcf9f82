package dev.lifeboat.workflow;

import java.util.Objects;
import java.util.Optional;

/**
 * A participant's acknowledgement of one tabletop prompt, the argument of {@link
 * RunbookWorkflow#acknowledge}.
 *
 * @param notes free text; required for a {@link AckOutcome#GAP}, at most {@link #MAX_NOTES} chars
 * @param by the authenticated participant (never taken from a request body)
 */
public record AcknowledgeRequest(String stepId, AckOutcome outcome, String notes, String by) {
  public static final int MAX_NOTES = 4000;

  public AcknowledgeRequest {
    Objects.requireNonNull(stepId, "stepId");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(by, "by");
  }

  /**
   * What is wrong with the request whatever the run's state; checked by the workflow's validator
   * and by the API before it asks the workflow.
   */
  public Optional<String> problem() {
    if (outcome == AckOutcome.GAP && (notes == null || notes.isBlank())) {
      return Optional.of("a gap needs notes saying what is missing");
    }
    if (notes != null && notes.length() > MAX_NOTES) {
      return Optional.of(
          "notes are " + notes.length() + " characters; at most " + MAX_NOTES + " are kept");
    }
    return Optional.empty();
  }
}
