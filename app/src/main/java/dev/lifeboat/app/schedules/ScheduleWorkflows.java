package dev.lifeboat.app.schedules;

import dev.lifeboat.workflow.schedule.OverlapPolicy;
import dev.lifeboat.workflow.schedule.ScheduleInput;
import dev.lifeboat.workflow.schedule.ScheduleWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.time.Clock;
import java.time.Instant;

/**
 * The schedules' scheduler workflows in Temporal, one per schedule ({@code
 * lifeboat-schedule-<id>}). Signals are sent with start: a scheduler that is missing (a Temporal
 * that lost it) is started from the record as it tells it.
 */
public final class ScheduleWorkflows {
  private final WorkflowClient client;
  private final String taskQueue;
  private final SchedulesConfig config;
  private final Clock clock;

  public ScheduleWorkflows(
      WorkflowClient client, String taskQueue, SchedulesConfig config, Clock clock) {
    this.client = client;
    this.taskQueue = taskQueue;
    this.config = config;
    this.clock = clock;
  }

  /**
   * Starts the schedule's scheduler unless it is running; returns whether it started one. Fires at
   * or before {@code after} are past; {@code lateFire} (or null) is launched first, as late.
   */
  public boolean ensure(ScheduleRow schedule, Instant after, Instant lateFire, String lastRunId) {
    ScheduleWorkflow workflow =
        client.newWorkflowStub(ScheduleWorkflow.class, options(schedule.id()));
    try {
      WorkflowClient.start(workflow::run, input(schedule, after, lateFire, lastRunId));
      return true;
    } catch (WorkflowExecutionAlreadyStarted running) {
      return false;
    }
  }

  /** Sends {@code signal} (a {@link ScheduleWorkflow} signal method's name) to the scheduler. */
  public void signal(ScheduleRow schedule, String lastRunId, String signal, Object... args) {
    client
        .newUntypedWorkflowStub("ScheduleWorkflow", options(schedule.id()))
        .signalWithStart(
            signal, args, new Object[] {input(schedule, clock.instant(), null, lastRunId)});
  }

  /** Ends the scheduler; one already gone is fine. */
  public void delete(String scheduleId) {
    try {
      WorkflowStub stub = client.newUntypedWorkflowStub(ScheduleInput.workflowId(scheduleId));
      stub.signal("delete");
    } catch (WorkflowNotFoundException gone) {
      // Nothing to end.
    }
  }

  private ScheduleInput input(
      ScheduleRow schedule, Instant after, Instant lateFire, String lastRunId) {
    return new ScheduleInput(
        schedule.id(),
        schedule.cron(),
        schedule.zone(),
        OverlapPolicy.fromApiName(schedule.overlap()).orElseThrow(),
        schedule.paused(),
        after.toEpochMilli(),
        lateFire == null ? null : lateFire.toEpochMilli(),
        lastRunId,
        config.firesPerWorkflow(),
        config.overlapPoll().toMillis());
  }

  private WorkflowOptions options(String scheduleId) {
    return WorkflowOptions.newBuilder()
        .setWorkflowId(ScheduleInput.workflowId(scheduleId))
        .setTaskQueue(taskQueue)
        .build();
  }
}
