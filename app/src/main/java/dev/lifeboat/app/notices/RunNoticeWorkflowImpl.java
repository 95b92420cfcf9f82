package dev.lifeboat.app.notices;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/** {@link RunNoticeWorkflow}: one activity, retried for about a day with a growing interval. */
public final class RunNoticeWorkflowImpl implements RunNoticeWorkflow {
  private final RunNoticeActivity activity =
      Workflow.newActivityStub(
          RunNoticeActivity.class,
          ActivityOptions.newBuilder()
              // An SMTP server or webhook that does not answer is given up on by the notifier
              // within this time; the next attempt tries again.
              .setStartToCloseTimeout(Duration.ofMinutes(2))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofSeconds(5))
                      .setBackoffCoefficient(2)
                      .setMaximumInterval(Duration.ofMinutes(30))
                      .setMaximumAttempts(60)
                      .build())
              .build());

  @Override
  public RunNoticeSent send(RunNotice notice) {
    return activity.sendRunNotice(notice);
  }
}
