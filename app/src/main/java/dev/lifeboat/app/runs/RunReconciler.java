package dev.lifeboat.app.runs;

import dev.lifeboat.app.store.RunDao;
import dev.lifeboat.app.store.RunEventDao;
import dev.lifeboat.app.store.RunEventRow;
import dev.lifeboat.app.store.RunRow;
import dev.lifeboat.app.store.RunStore;
import dev.lifeboat.workflow.RunEventType;
import dev.lifeboat.workflow.RunStatus;
import dev.lifeboat.workflow.StepState;
import dev.lifeboat.workflow.StepStatus;
import io.dropwizard.lifecycle.Managed;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start-up, finds runs the record says are unfinished whose workflow no longer runs (the
 * embedded Temporal server keeps nothing across restarts) and marks them {@code interrupted} with
 * an event saying why, so no run is left in an unknown state. Every step the record shows open
 * (running, or awaiting an acknowledgement) is closed first with a {@code step.interrupted} event:
 * nothing will ever end it, and "running" forever would be a lie.
 */
public final class RunReconciler implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(RunReconciler.class);

  private final RunDao runs;
  private final RunEventDao events;
  private final RunStore store;
  private final StepStatesFromRecord steps;
  private final WorkflowServiceStubs temporal;
  private final String namespace;
  private final Clock clock;

  public RunReconciler(
      RunDao runs,
      RunEventDao events,
      RunStore store,
      StepStatesFromRecord steps,
      WorkflowServiceStubs temporal,
      String namespace,
      Clock clock) {
    this.runs = runs;
    this.events = events;
    this.store = store;
    this.steps = steps;
    this.temporal = temporal;
    this.namespace = namespace;
    this.clock = clock;
  }

  @Override
  public void start() {
    int interrupted = reconcile();
    if (interrupted > 0) {
      LOG.warn(
          "{} unfinished run(s) had lost their workflow and were marked interrupted", interrupted);
    }
  }

  /** Returns how many runs were marked interrupted. */
  public int reconcile() {
    int interrupted = 0;
    for (RunRow run : runs.unfinished()) {
      Optional<String> reason = lostBecause(run);
      if (reason.isPresent()) {
        markInterrupted(run, reason.get());
        interrupted++;
      }
    }
    return interrupted;
  }

  private Optional<String> lostBecause(RunRow run) {
    try {
      WorkflowExecutionStatus status =
          temporal
              .blockingStub()
              .describeWorkflowExecution(
                  DescribeWorkflowExecutionRequest.newBuilder()
                      .setNamespace(namespace)
                      .setExecution(WorkflowExecution.newBuilder().setWorkflowId(run.workflowId()))
                      .build())
              .getWorkflowExecutionInfo()
              .getStatus();
      return status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING
          ? Optional.empty()
          : Optional.of(
              "its workflow ended in Temporal ("
                  + status.name().replace("WORKFLOW_EXECUTION_STATUS_", "").toLowerCase()
                  + ") without recording an end");
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return Optional.of("its workflow no longer exists in Temporal (was the server restarted?)");
      }
      throw e;
    }
  }

  /** One transaction: the open steps' events, the run's event and its status move. */
  private void markInterrupted(RunRow run, String reason) {
    var now = clock.instant();
    List<RunEventRow> recorded = events.forRun(run.id());
    long seq = recorded.isEmpty() ? 0 : recorded.get(recorded.size() - 1).seq();
    List<RunEventRow> closing = new ArrayList<>();
    for (StepState step : steps.project(run.planJson(), recorded)) {
      // Running, or waiting for people (an acknowledgement, approvers, a decision).
      if (step.status() != StepStatus.PENDING && !step.status().isTerminal()) {
        closing.add(
            new RunEventRow(
                run.id(),
                ++seq,
                RunEventType.STEP_INTERRUPTED,
                now,
                step.stage(),
                step.stepId(),
                step.kind(),
                step.attempt(),
                "step interrupted while " + step.status().apiName() + ": " + reason,
                null));
      }
    }
    closing.add(
        new RunEventRow(
            run.id(),
            ++seq,
            RunEventType.RUN_INTERRUPTED,
            now,
            null,
            null,
            null,
            0,
            "run interrupted: " + reason,
            null));
    store.append(
        closing, List.of(new RunStore.StatusMove(run.id(), RunStatus.INTERRUPTED, null, now)));
    LOG.warn(
        "run {} of plan {} marked interrupted ({} open step(s) closed): {}",
        run.id(),
        run.planName(),
        closing.size() - 1,
        reason);
  }
}
