package dev.lifeboat.app.runs;

import dev.lifeboat.app.store.RunDao;
import dev.lifeboat.app.store.RunEventDao;
import dev.lifeboat.app.store.RunEventRow;
import dev.lifeboat.app.store.RunRow;
import dev.lifeboat.app.store.RunStore;
import dev.lifeboat.workflow.RunEventType;
import dev.lifeboat.workflow.RunStatus;
import io.dropwizard.lifecycle.Managed;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start-up, finds runs the record says are unfinished whose workflow no longer runs (the
 * embedded Temporal server keeps nothing across restarts) and marks them {@code interrupted} with
 * an event saying why, so no run is left in an unknown state.
 */
public final class RunReconciler implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(RunReconciler.class);

  private final RunDao runs;
  private final RunEventDao events;
  private final RunStore store;
  private final WorkflowServiceStubs temporal;
  private final String namespace;
  private final Clock clock;

  public RunReconciler(
      RunDao runs,
      RunEventDao events,
      RunStore store,
      WorkflowServiceStubs temporal,
      String namespace,
      Clock clock) {
    this.runs = runs;
    this.events = events;
    this.store = store;
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

  private void markInterrupted(RunRow run, String reason) {
    var now = clock.instant();
    store.append(
        List.of(
            new RunEventRow(
                run.id(),
                events.lastSeq(run.id()) + 1,
                RunEventType.RUN_INTERRUPTED.wireName(),
                now,
                null,
                null,
                null,
                0,
                "run interrupted: " + reason,
                null)),
        List.of(new RunStore.StatusMove(run.id(), RunStatus.INTERRUPTED, null, now)));
    LOG.warn("run {} of plan {} marked interrupted: {}", run.id(), run.planName(), reason);
  }
}
