package dev.lifeboat.app.runs;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.app.refusal.Refusal;
import dev.lifeboat.app.store.RunRow;
import dev.lifeboat.workflow.ApprovalRequest;
import dev.lifeboat.workflow.DecideRequest;
import dev.lifeboat.workflow.RunMode;
import dev.lifeboat.workflow.RunbookWorkflow;
import dev.lifeboat.workflow.StepState;
import dev.lifeboat.workflow.UndoRequest;
import dev.lifeboat.workflow.UndoState;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Hands a person's decision on a drill's or recovery's step to its workflow as an update, and
 * answers the step's new state: an approval or rejection of an approval step, or retry, skip or
 * abort of a paused one; a commander's request for one step's undo in a recovery. The workflow's
 * validator checks every rule (the step is waiting, the role, the launcher, nobody twice, a reason
 * to skip); what it refuses leaves no trace in the history and is a {@link Refusal} in conflict
 * naming the rule. Each call has a deadline: a workflow whose worker is gone cannot hold the API's
 * answer.
 */
public final class TemporalDecisions {
  private final WorkflowClient client;
  private final ObjectMapper json;
  private final Duration deadline;
  private final ScheduledExecutorService deadlines;

  public TemporalDecisions(WorkflowClient client, ObjectMapper json, Duration deadline) {
    this.client = client;
    this.json = json;
    this.deadline = deadline;
    this.deadlines =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "decision-deadlines");
              thread.setDaemon(true);
              return thread;
            });
  }

  public StepState approve(RunRow run, ApprovalRequest request) {
    String what = request.approve() ? "approved" : "rejected";
    return update(run, request.stepId(), what, workflow -> workflow.approve(request));
  }

  public StepState decide(RunRow run, DecideRequest request) {
    return update(run, request.stepId(), "decided on", workflow -> workflow.decide(request));
  }

  /**
   * Asks a recovery's workflow to run one step's undo. A drill runs its undos by itself, and a run
   * whose workflow has closed can run nothing more: both are refused here, each saying so.
   */
  public UndoState undo(RunRow run, UndoRequest request) {
    if (run.mode() == RunMode.DRILL) {
      throw Refusal.conflict(
          "drill_undoes_itself",
          "run "
              + run.id()
              + " is a drill: a drill runs every registered undo by itself at its end; a step's"
              + " undo is asked for only in a recovery");
    }
    if (run.mode() == RunMode.RECOVERY && run.status().isTerminal()) {
      throw Refusal.conflict(
          "run_ended",
          "run "
              + run.id()
              + " has ended ("
              + run.status().apiName()
              + "); a step's undo is only available while the recovery runs");
    }
    return update(run, request.stepId(), "undone", workflow -> workflow.undo(request));
  }

  private <T> T update(RunRow run, String stepId, String what, Function<RunbookWorkflow, T> call) {
    if (!RecordedSteps.has(json, run, stepId)) {
      throw Refusal.notFound("unknown_step", "run " + run.id() + " has no step '" + stepId + "'");
    }
    if (run.mode().promptsSteps()) {
      throw Refusal.conflict(
          "tabletop_run",
          "run "
              + run.id()
              + " is a tabletop run: its steps are prompts to acknowledge, not to be "
              + what);
    }
    if (run.status().isTerminal()) {
      throw ended(run);
    }
    RunbookWorkflow workflow = client.newWorkflowStub(RunbookWorkflow.class, run.workflowId());
    try {
      return withDeadline(() -> call.apply(workflow));
    } catch (WorkflowUpdateException rejected) {
      throw Refusal.conflict(
          "not_" + what.replace(' ', '_'),
          "step "
              + stepId
              + " cannot be "
              + what
              + ": "
              + RecordedSteps.validatorMessage(rejected));
    } catch (WorkflowNotFoundException gone) {
      throw ended(run);
    }
  }

  /** The gRPC calls the update makes are bounded by the deadline of the context they run in. */
  private <T> T withDeadline(Callable<T> call) {
    try {
      return Context.current()
          .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS, deadlines)
          .call(call);
    } catch (RuntimeException e) {
      if (isDeadline(e)) {
        throw Refusal.unavailable(
            "workflow_not_answering",
            "the run's workflow did not answer within "
                + deadline.toSeconds()
                + " s (is Temporal or its worker down?); look at the run before trying again");
      }
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean isDeadline(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StatusRuntimeException status
          && status.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED) {
        return true;
      }
    }
    return false;
  }

  private static Refusal ended(RunRow run) {
    return Refusal.conflict(
        "run_ended", "run " + run.id() + " has ended; it takes no more decisions");
  }
}
