package dev.lifeboat.app.compliance;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** {@link CoverageWatchWorkflow}: check, sleep to the next UTC day, again; continue as new. */
public final class CoverageWatchWorkflowImpl implements CoverageWatchWorkflow {
  /** Retried for a day: a record or SMTP outage delays the day's notices, never drops them. */
  private final CoverageNoticeActivity notices =
      Workflow.newActivityStub(
          CoverageNoticeActivity.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofMinutes(5))
              .setScheduleToCloseTimeout(Duration.ofHours(23))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofSeconds(10))
                      .setMaximumInterval(Duration.ofMinutes(10))
                      .build())
              .build());

  @Override
  public void watch(CoverageWatchInput input) {
    for (int day = 0; day < input.daysPerRun(); day++) {
      Instant now = Instant.ofEpochMilli(Workflow.currentTimeMillis());
      notices.sendOverdueNotices(new OverdueCheck(now));
      Instant tomorrow =
          LocalDate.ofInstant(now, ZoneOffset.UTC)
              .plusDays(1)
              .atStartOfDay(ZoneOffset.UTC)
              .toInstant();
      // A minute past midnight, so "today" is the new day whatever the clocks' skew.
      Workflow.sleep(Duration.between(now, tomorrow).plusMinutes(1));
    }
    Workflow.continueAsNew(input);
  }
}
