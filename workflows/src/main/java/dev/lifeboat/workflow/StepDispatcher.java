package dev.lifeboat.workflow;

import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.StepResult;
import dev.lifeboat.runbook.ActivityCall;
import dev.lifeboat.runbook.Durations;
import dev.lifeboat.runbook.StartFailoverStep;
import dev.lifeboat.runbook.Step;
import dev.lifeboat.runbook.StepKind;
import dev.lifeboat.runbook.StepKinds;
import dev.lifeboat.runbook.WaitStep;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.metadata.POJOActivityInterfaceMetadata;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Starts each step as its kind declares ({@link StepKinds}) and turns its end into a {@link
 * StepOutcome}. The promise it returns never fails for a step's own failure, so one failed step
 * cannot cancel its siblings.
 *
 * <p>A kind that is one activity call is scheduled from its declaration alone; a kind the workflow
 * runs itself has a routine here. {@code StepDispatcherTest} runs a step of every kind.
 */
final class StepDispatcher {
  private final NotifyRequests notifications;
  private final String mainQueue;
  private final Map<List<Object>, Object> stubs = new HashMap<>();
  private final Map<Class<? extends Step>, Function<Step, Promise<StepOutcome>>> routines;

  /**
   * @param mainQueue the workflow's own task queue; steps with a site go to {@code mainQueue@site}
   */
  StepDispatcher(NotifyRequests notifications, String mainQueue) {
    this.notifications = notifications;
    this.mainQueue = mainQueue;
    FailoverActions failovers = new FailoverActions(this::stub, mainQueue);
    this.routines =
        Map.of(
            StartFailoverStep.class,
            step -> failovers.start((StartFailoverStep) step),
            WaitStep.class,
            step -> waitFor((WaitStep) step));
  }

  Promise<StepOutcome> start(Step step, String stageName) {
    Promise<StepOutcome> call;
    try {
      call = call(StepKinds.of(step), step, stageName);
    } catch (IllegalArgumentException badRequest) {
      // A request the parser should have rejected; fail the step, not the workflow task.
      call = Workflow.newFailedPromise(fail(StepFailureType.BAD_INPUT, badRequest.getMessage()));
    }
    return call.handle(
        (outcome, failure) ->
            failure == null ? outcome : StepFailureOutcomes.of(failure, step.policy()));
  }

  private <S extends Step> Promise<StepOutcome> call(StepKind<S> kind, S step, String stageName) {
    if (kind.execution() instanceof ActivityCall<S, ?> activity) {
      return call(activity, step, stageName);
    }
    Function<Step, Promise<StepOutcome>> routine = routines.get(kind.type());
    if (routine == null) {
      return Workflow.newFailedPromise(
          fail(StepFailureType.BAD_CONFIG, "no routine runs steps of kind " + kind.name()));
    }
    return routine.apply(step);
  }

  /**
   * Schedules the activity by the Temporal name of the method the kind calls, exactly as a typed
   * stub of its interface would: same activity type, options and payload.
   */
  private <S extends Step, Q> Promise<StepOutcome> call(
      ActivityCall<S, Q> activity, S step, String stageName) {
    Q request = activity.request().of(step, notifications.at(stageName));
    Method method = activity.method();
    String type =
        POJOActivityInterfaceMetadata.newInstance(activity.activity())
            .getMethodMetadata(method)
            .getActivityTypeName();
    return Workflow.newUntypedActivityStub(
            withStepHeader(step.id(), StepOptions.of(step, mainQueue)))
        .executeAsync(type, method.getReturnType(), method.getGenericReturnType(), request)
        .thenApply(result -> succeeded(result, ((StepResult) result).summary()));
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
            key -> Workflow.newActivityStub(type, withStepHeader(stepId, options))));
  }

  private static ActivityOptions withStepHeader(String stepId, ActivityOptions options) {
    return ActivityOptions.newBuilder(options)
        .setContextPropagators(List.of(new StepHeader(stepId)))
        .build();
  }

  /** A wait is a durable timer; cancelling the run cancels it. */
  private static Promise<StepOutcome> waitFor(WaitStep step) {
    String waited = "waited " + Durations.format(step.duration());
    return Workflow.newTimer(step.duration())
        .thenApply(done -> succeeded(new WaitResult(step.duration(), waited), waited));
  }

  private static StepOutcome succeeded(Object result, String summary) {
    // Success does not tell which attempt produced it; see StepState#attempt.
    return new StepOutcome(StepStatus.SUCCEEDED, 1, summary, result);
  }

  private static ApplicationFailure fail(StepFailureType type, String message) {
    return ApplicationFailure.newNonRetryableFailure(message, type.type());
  }
}
