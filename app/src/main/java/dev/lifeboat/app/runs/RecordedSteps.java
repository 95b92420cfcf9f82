package dev.lifeboat.app.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.app.store.RunRow;
import io.temporal.failure.ApplicationFailure;

/**
 * What the API checks of a run before it hands a person's answer to its workflow as an update:
 * whether its recorded plan has the step, and the workflow validator's own words when it refuses.
 */
final class RecordedSteps {
  private RecordedSteps() {}

  static boolean has(ObjectMapper json, RunRow run, String stepId) {
    try {
      JsonNode plan = json.readTree(run.planJson());
      for (String part : new String[] {"stages", "finally"}) {
        for (JsonNode stage : plan.path(part)) {
          for (JsonNode step : stage.path("steps")) {
            if (step.path("id").asText().equals(stepId)) {
              return true;
            }
          }
        }
      }
      return false;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the recorded plan of run " + run.id() + " is not JSON", e);
    }
  }

  /** The validator's own words, without the failure class Temporal puts in front of them. */
  static String validatorMessage(Throwable rejected) {
    Throwable cause = rejected.getCause() == null ? rejected : rejected.getCause();
    if (cause instanceof ApplicationFailure failure) {
      return failure.getOriginalMessage();
    }
    return cause.getMessage();
  }
}
