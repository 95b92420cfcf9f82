package dev.lifeboat.app.runs;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.app.refusal.Refusal;
import dev.lifeboat.app.store.RunRow;
import dev.lifeboat.workflow.AcknowledgeRequest;
import dev.lifeboat.workflow.RunbookWorkflow;
import dev.lifeboat.workflow.StepState;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateException;

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
    if (!RecordedSteps.has(json, run, request.stepId())) {
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
      throw Refusal.conflict(
          "not_acknowledged",
          "step "
              + request.stepId()
              + " cannot be acknowledged: "
              + RecordedSteps.validatorMessage(rejected));
    } catch (WorkflowNotFoundException gone) {
      throw ended(run);
    }
  }

  private static Refusal ended(RunRow run) {
    return Refusal.conflict(
        "run_ended", "run " + run.id() + " has ended; it takes no more acknowledgements");
  }
}
