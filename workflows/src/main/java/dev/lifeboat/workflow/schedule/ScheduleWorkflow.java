package dev.lifeboat.workflow.schedule;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One schedule's scheduler: sleeps on a durable timer until the next fire time of its cron, fires
 * (launching a run through {@link ScheduleActivity}), applies the overlap policy against the
 * previous fire's run, and continues as new every {@code firesPerRun} fires. Runs until deleted.
 * The record (PostgreSQL) is the source of truth; signals only tell the workflow what was recorded.
 */
@WorkflowInterface
public interface ScheduleWorkflow {
  @WorkflowMethod
  void run(ScheduleInput input);

  /** Stops firing until resumed; a fire already waiting for the previous run still launches. */
  @SignalMethod
  void pause();

  /** Fires again, from the next fire time after now (fires missed while paused do not run). */
  @SignalMethod
  void resume();

  /** Launches a run now, applying the overlap policy; works while paused too. */
  @SignalMethod
  void runNow(String requestedBy);

  /** Ends the scheduler; its runs go on. */
  @SignalMethod
  void delete();

  @QueryMethod
  ScheduleState state();
}
