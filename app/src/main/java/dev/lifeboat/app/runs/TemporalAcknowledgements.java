package dev.lifeboat.app.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.app.refusal.Refusal;
import dev.lifeboat.app.store.RunRow;
import dev.lifeboat.workflow.AcknowledgeRequest;
import dev.lifeboat.workflow.RunbookWorkflow;
import dev.lifeboat.workflow.StepState;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;

/**
 * Hands a participant's acknowledgement to a tabletop run's workflow as an update and answers the
 * step's new state. Refusals are {@link Refusal}s: the step is not found; or, in conflict, the run
 * is not a tabletop run, it has ended, or the workflow's validator rejected the acknowledgement
 * (which leaves no trace in the run's history or record).
 */
public final class TemporalAcknowledgements {
  private final WorkflowClient client;
  private final ObjectMapper json;

  public TemporalAcknowledgements(WorkflowClient client, ObjectMapper json) {
    this.client = client;
    this.json = json;
  }

  public StepState acknowledge(RunRow run, AcknowledgeRequest request) {
    if (!hasStep(run, request.stepId())) {
      throw Refusal.notFound(
          "unknown_step", "run " + run.id() + " has no step '" + request.stepId() + "'");
    }
    if (!run.mode().promptsSteps()) {
      throw Refusal.conflict(
          "not_tabletop",
          "run "
              + run.id()
              + " is a "
              + run.mode().apiName()
              + " run; only tabletop runs are acknowledged");
    }
    if (run.status().isTerminal()) {
      throw ended(run);
    }
    try {
      return client.newWorkflowStub(RunbookWorkflow.class, run.workflowId()).acknowledge(request);
    } catch (WorkflowUpdateException rejected) {
      Throwable cause = rejected.getCause() == null ? rejected : rejected.getCause();
      throw Refusal.conflict(
          "not_acknowledged",
          "step " + request.stepId() + " cannot be acknowledged: " + originalMessage(cause));
    } catch (WorkflowNotFoundException gone) {
      throw ended(run);
    }
  }

  private boolean hasStep(RunRow run, String stepId) {
    try {
      for (JsonNode stage : json.readTree(run.planJson()).path("stages")) {
        for (JsonNode step : stage.path("steps")) {
          if (step.path("id").asText().equals(stepId)) {
            return true;
          }
        }
      }
      return false;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the recorded plan of run " + run.id() + " is not JSON", e);
    }
  }

  private static Refusal ended(RunRow run) {
    return Refusal.conflict(
        "run_ended", "run " + run.id() + " has ended; it takes no more acknowledgements");
  }

  /** The validator's own words, without the failure class Temporal puts in front of them. */
  private static String originalMessage(Throwable cause) {
    if (cause instanceof ApplicationFailure failure) {
      return failure.getOriginalMessage();
    }
    return cause.getMessage();
  }
}
