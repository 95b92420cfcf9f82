package dev.lifeboat.workflow;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInfo;
import io.temporal.client.ActivityCompletionException;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.failure.ApplicationFailure;
import io.temporal.serviceclient.CheckedExceptionWrapper;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Worker side of "every attempt is recorded": when an attempt of a step's activity fails, tells the
 * run's workflow (signal {@link RunbookWorkflow#attemptFailed}) before Temporal learns of the
 * failure and schedules the retry. Temporal stays the retry engine; this only reports. Every worker
 * that runs step activities registers it (the server's and {@code lifeboat worker --site});
 * activities without a {@link StepHeader} (the record's) are left alone.
 *
 * <p>The message reported is the one the activity threw, which activities redact before throwing,
 * so an attempt's failure shows exactly what the step's failure would. A report that cannot be
 * delivered is logged and dropped: it never changes how the attempt itself ends.
 */
public final class StepAttemptsInterceptor extends WorkerInterceptorBase {
  private static final Logger LOG = LoggerFactory.getLogger(StepAttemptsInterceptor.class);

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new Reporting(next);
  }

  private static final class Reporting extends ActivityInboundCallsInterceptorBase {
    private ActivityExecutionContext context;

    Reporting(ActivityInboundCallsInterceptor next) {
      super(next);
    }

    @Override
    public void init(ActivityExecutionContext context) {
      this.context = context;
      super.init(context);
    }

    @Override
    public ActivityOutput execute(ActivityInput input) {
      try {
        return super.execute(input);
      } catch (RuntimeException failure) {
        StepHeader.stepOf(input.getHeader()).ifPresent(step -> report(step, failure));
        throw failure;
      }
    }

    private void report(String stepId, RuntimeException failure) {
      if (failure instanceof ActivityCompletionException) {
        // Cancelled, or the worker is shutting down: not a failure of the step's work.
        return;
      }
      ActivityInfo info = context.getInfo();
      AttemptFailure attempt =
          new AttemptFailure(
              stepId,
              info.getActivityId(),
              info.getActivityType(),
              info.getAttempt(),
              Instant.now(),
              type(failure),
              message(failure));
      try {
        context
            .getWorkflowClient()
            .newUntypedWorkflowStub(
                info.getWorkflowId(), Optional.of(info.getWorkflowRunId()), Optional.empty())
            .signal(RunbookWorkflow.ATTEMPT_FAILED, attempt);
      } catch (RuntimeException undelivered) {
        LOG.warn(
            "could not record attempt {} of step {} in run {}: {}",
            info.getAttempt(),
            stepId,
            info.getWorkflowId(),
            undelivered.toString());
      }
    }

    /**
     * As {@link StepFailureOutcomes} reads it once Temporal has carried it to the workflow: any
     * other exception (a checked one unwrapped) travels as a failure typed with its class name.
     */
    private static String type(RuntimeException failure) {
      Throwable thrown = CheckedExceptionWrapper.unwrap(failure);
      return thrown instanceof ApplicationFailure application
          ? application.getType()
          : thrown.getClass().getName();
    }

    private static String message(RuntimeException failure) {
      Throwable thrown = CheckedExceptionWrapper.unwrap(failure);
      return thrown instanceof ApplicationFailure application
          ? application.getOriginalMessage()
          : thrown.getMessage();
    }
  }
}
