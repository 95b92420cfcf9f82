package dev.lifeboat.workflow.schedule;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * See {@link ScheduleWorkflow}. Deterministic: time is the workflow's, waits are Temporal timers.
 */
public final class ScheduleWorkflowImpl implements ScheduleWorkflow {
  /**
   * Launching writes the record and starts a workflow: seconds at most. Retried without end (a
   * record outage must not lose a fire), backing off to a minute.
   */
  private final ScheduleActivity activity =
      Workflow.newActivityStub(
          ScheduleActivity.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofMinutes(1))
              .setRetryOptions(
                  RetryOptions.newBuilder().setMaximumInterval(Duration.ofMinutes(1)).build())
              .build());

  private final List<String> runNowRequests = new ArrayList<>();
  private boolean paused;
  private boolean deleted;
  private Long nextFireMillis;
  private String lastRunId;
  private int fires;

  @Override
  public void run(ScheduleInput input) {
    paused = input.paused();
    lastRunId = input.lastRunId();
    CronSpec spec = input.spec();
    long after = input.afterMillis();
    if (input.lateFireMillis() != null) {
      fire(input, input.lateFireMillis(), FireKind.LATE, "schedule:" + input.scheduleId());
      after = Math.max(after, input.lateFireMillis());
    }
    while (!deleted) {
      if (fires >= input.firesPerRun() && runNowRequests.isEmpty()) {
        Workflow.continueAsNew(
            new ScheduleInput(
                input.scheduleId(),
                input.cron(),
                input.zone(),
                input.overlap(),
                paused,
                after,
                null,
                lastRunId,
                input.firesPerRun(),
                input.pollMillis()));
        return;
      }
      if (!runNowRequests.isEmpty()) {
        fire(input, Workflow.currentTimeMillis(), FireKind.RUN_NOW, runNowRequests.remove(0));
        continue;
      }
      long now = Workflow.currentTimeMillis();
      Optional<Instant> next =
          paused ? Optional.empty() : spec.next(Instant.ofEpochMilli(Math.max(after, now)));
      nextFireMillis = next.map(Instant::toEpochMilli).orElse(null);
      boolean pausedNow = paused;
      if (next.isEmpty()) {
        Workflow.await(() -> deleted || !runNowRequests.isEmpty() || paused != pausedNow);
        continue;
      }
      long due = next.get().toEpochMilli();
      boolean interrupted =
          Workflow.await(
              Duration.ofMillis(Math.max(0, due - now)),
              () -> deleted || paused || !runNowRequests.isEmpty());
      if (interrupted) {
        continue;
      }
      after = due;
      fire(input, due, FireKind.SCHEDULED, "schedule:" + input.scheduleId());
    }
    nextFireMillis = null;
  }

  /** One fire: the overlap policy against the previous run, then the launch. */
  private void fire(ScheduleInput input, long at, FireKind kind, String requestedBy) {
    fires++;
    if (lastRunId != null && !activity.progress(ref(input)).ended()) {
      switch (input.overlap()) {
        case SKIP -> {
          activity.skip(
              new SkipRequest(
                  input.scheduleId(),
                  at,
                  kind,
                  "run " + lastRunId + " of the previous fire is still active (overlap: skip)"));
          return;
        }
        case CANCEL_PREVIOUS -> {
          activity.cancel(ref(input));
          awaitEnd(input);
        }
        case QUEUE -> awaitEnd(input);
      }
      if (deleted) {
        return;
      }
    }
    FireResult result = activity.fire(new FireRequest(input.scheduleId(), at, kind, requestedBy));
    if (result.launched()) {
      lastRunId = result.runId();
    }
  }

  /** Polls on a durable timer until the previous run ended (or the schedule is deleted). */
  private void awaitEnd(ScheduleInput input) {
    while (!deleted && !activity.progress(ref(input)).ended()) {
      Workflow.await(Duration.ofMillis(input.pollMillis()), () -> deleted);
    }
  }

  private RunRef ref(ScheduleInput input) {
    return new RunRef(input.scheduleId(), lastRunId);
  }

  @Override
  public void pause() {
    paused = true;
  }

  @Override
  public void resume() {
    paused = false;
  }

  @Override
  public void runNow(String requestedBy) {
    runNowRequests.add(requestedBy);
  }

  @Override
  public void delete() {
    deleted = true;
  }

  @Override
  public ScheduleState state() {
    return new ScheduleState(paused, nextFireMillis, lastRunId, fires);
  }
}
