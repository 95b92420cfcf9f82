package dev.lifeboat.app.api;

import dev.lifeboat.workflow.AckOutcome;
import dev.lifeboat.workflow.AcknowledgeRequest;

/**
 * Checks an acknowledgement body as the workflow's validator would, and the notes as launch
 * parameters are checked, so a bad request is answered 400 here and never reaches Temporal.
 */
final class AcknowledgeBodies {
  private AcknowledgeBodies() {}

  static AcknowledgeRequest toRequest(String stepId, AcknowledgeBody body, String by) {
    if (body == null) {
      throw new ApiException(
          400,
          "missing_body",
          "send a JSON body such as {\"outcome\": \"gap\", \"notes\": \"what is missing\"}");
    }
    if (body.outcome() == null) {
      throw new ApiException(400, "missing_outcome", "field 'outcome' is required: ok or gap");
    }
    AckOutcome outcome =
        AckOutcome.fromApiName(body.outcome())
            .orElseThrow(
                () ->
                    new ApiException(
                        400,
                        "bad_outcome",
                        "outcome must be ok or gap; got '"
                            + Names.shortened(body.outcome())
                            + "'"));
    if (body.notes() != null) {
      Texts.problem(body.notes())
          .ifPresent(
              problem -> {
                throw new ApiException(400, "bad_notes", "notes " + problem);
              });
    }
    AcknowledgeRequest request = new AcknowledgeRequest(stepId, outcome, body.notes(), by);
    request
        .problem()
        .ifPresent(
            problem -> {
              throw new ApiException(400, "bad_acknowledgement", problem);
            });
    return request;
  }
}
