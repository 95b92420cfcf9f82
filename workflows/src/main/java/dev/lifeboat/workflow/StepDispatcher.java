package dev.lifeboat.workflow;

import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.backup.VerifyBackupActivity;
import dev.lifeboat.activities.command.CommandActivity;
import dev.lifeboat.activities.health.HealthCheckActivity;
import dev.lifeboat.activities.notify.NotifyActivity;
import dev.lifeboat.activities.restore.RestoreDataActivity;
import dev.lifeboat.runbook.CommandStep;
import dev.lifeboat.runbook.HealthCheckStep;
import dev.lifeboat.runbook.NotifyStep;
import dev.lifeboat.runbook.RestoreDataStep;
import dev.lifeboat.runbook.StartFailoverStep;
import dev.lifeboat.runbook.Step;
import dev.lifeboat.runbook.VerifyBackupStep;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts the activity of each step kind and turns its end into a {@link StepOutcome}. The promise
 * it returns never fails for a step's own failure, so one failed step cannot cancel its siblings.
 *
 * <p>Java 17 has no exhaustive pattern switch, so the kinds are an {@code instanceof} chain; {@code
 * StepDispatcherTest} walks {@code Step}'s permitted subclasses so a new kind without a branch
 * fails the build.
 */
final class StepDispatcher {
  private final NotifyRequests notifications;
  private final String mainQueue;
  private final Map<List<Object>, Object> stubs = new HashMap<>();
  private final FailoverActions failovers;

  /**
   * @param mainQueue the workflow's own task queue; steps with a site go to {@code mainQueue@site}
   */
  StepDispatcher(NotifyRequests notifications, String mainQueue) {
    this.notifications = notifications;
    this.mainQueue = mainQueue;
    this.failovers = new FailoverActions(this::stub, mainQueue);
  }

  Promise<StepOutcome> start(Step step, String stageName) {
    Promise<StepOutcome> call;
    try {
      call = call(step, stageName, StepOptions.of(step, mainQueue));
    } catch (IllegalArgumentException badRequest) {
      // A request the parser should have rejected; fail the step, not the workflow task.
      call = Workflow.newFailedPromise(fail(StepFailureType.BAD_INPUT, badRequest.getMessage()));
    }
    return call.handle(
        (outcome, failure) ->
            failure == null ? outcome : StepFailureOutcomes.of(failure, step.policy()));
  }

  /** Async.function on a stub method schedules the activity without a workflow thread. */
  private Promise<StepOutcome> call(Step step, String stageName, ActivityOptions options) {
    if (step instanceof VerifyBackupStep verify) {
      VerifyBackupActivity activity = stub(step.id(), VerifyBackupActivity.class, options);
      return Async.function(activity::verifyBackup, verify.request())
          .thenApply(result -> succeeded(result, result.summary()));
    }
    if (step instanceof RestoreDataStep restore) {
      RestoreDataActivity activity = stub(step.id(), RestoreDataActivity.class, options);
      return Async.function(activity::restoreData, restore.request())
          .thenApply(result -> succeeded(result, result.summary()));
    }
    if (step instanceof HealthCheckStep check) {
      HealthCheckActivity activity = stub(step.id(), HealthCheckActivity.class, options);
      return Async.function(activity::healthCheck, check.request())
          .thenApply(result -> succeeded(result, result.summary()));
    }
    if (step instanceof NotifyStep notify) {
      NotifyActivity activity = stub(step.id(), NotifyActivity.class, options);
      return Async.function(activity::notify, notifications.of(notify, stageName))
          .thenApply(result -> succeeded(result, result.summary()));
    }
    if (step instanceof CommandStep command) {
      CommandActivity activity = stub(step.id(), CommandActivity.class, options);
      return Async.function(activity::command, command.request())
          .thenApply(result -> succeeded(result, result.summary()));
    }
    if (step instanceof StartFailoverStep failover) {
      return failovers.start(failover);
    }
    return Workflow.newFailedPromise(
        fail(StepFailureType.BAD_CONFIG, "no activity runs steps of kind " + step.kindName()));
  }

  /**
   * One stub per step, activity type and options (a start-failover step calls several types). The
   * options carry the step's id in a {@link StepHeader}, so the worker can report each failed
   * attempt as the step's.
   */
  private <T> T stub(String stepId, Class<T> type, ActivityOptions options) {
    return type.cast(
        stubs.computeIfAbsent(
            List.of(stepId, type, options),
            key ->
                Workflow.newActivityStub(
                    type,
                    ActivityOptions.newBuilder(options)
                        .setContextPropagators(List.of(new StepHeader(stepId)))
                        .build())));
  }

  private static StepOutcome succeeded(Object result, String summary) {
    // Success does not tell which attempt produced it; see StepState#attempt.
    return new StepOutcome(StepStatus.SUCCEEDED, 1, summary, result);
  }

  private static ApplicationFailure fail(StepFailureType type, String message) {
    return ApplicationFailure.newNonRetryableFailure(message, type.type());
  }
}
