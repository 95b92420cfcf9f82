package dev.lifeboat.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeboat.activities.notify.NotifyChannel;
import dev.lifeboat.runbook.NotifyStep;
import dev.lifeboat.runbook.OnFailure;
import dev.lifeboat.runbook.Retry;
import dev.lifeboat.runbook.StepPolicy;
import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StepOptionsTest {
  static final String QUEUE = "lifeboat";

  static final StepPolicy TEN_MINUTES_THREE_TRIES =
      new StepPolicy(
          Duration.ofMinutes(10), new Retry(3, Duration.ofSeconds(1), 2.0), OnFailure.ABORT);

  @Test
  void takesTheAttemptTimeoutAndRetriesFromThePolicy() {
    ActivityOptions options = StepOptions.of(Plans.verify("a", TEN_MINUTES_THREE_TRIES), QUEUE);

    assertThat(options.getStartToCloseTimeout()).isEqualTo(Duration.ofMinutes(10));
    assertThat(options.getRetryOptions().getMaximumAttempts()).isEqualTo(3);
    assertThat(options.getRetryOptions().getInitialInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(options.getRetryOptions().getBackoffCoefficient()).isEqualTo(2.0);
  }

  @Test
  void neverRetriesBadInputOrBadConfig() {
    ActivityOptions options = StepOptions.of(Plans.verify("a", TEN_MINUTES_THREE_TRIES), QUEUE);

    assertThat(options.getRetryOptions().getDoNotRetry())
        .containsExactlyInAnyOrder("BAD_INPUT", "BAD_CONFIG");
  }

  @Test
  void boundsTheWholeStepByEveryAttemptAndWaitPlusHeadroom() {
    // 3 × 10m, waits of 1s and 2s between them, 1m for queueing.
    assertThat(StepOptions.scheduleToClose(TEN_MINUTES_THREE_TRIES))
        .isEqualTo(Duration.ofMinutes(31).plusSeconds(3));
  }

  @Test
  void heartbeatsRestoresHealthChecksAndCommandsButNotShortSteps() {
    StepPolicy twoSeconds = new StepPolicy(Duration.ofSeconds(2), Retry.DEFAULT, OnFailure.ABORT);

    assertThat(
            StepOptions.of(Plans.restore("r", TEN_MINUTES_THREE_TRIES), QUEUE)
                .getHeartbeatTimeout())
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(StepOptions.of(Plans.restore("r", twoSeconds), QUEUE).getHeartbeatTimeout())
        .as("never longer than the step's own timeout")
        .isEqualTo(Duration.ofSeconds(2));
    assertThat(StepOptions.of(Plans.health("h"), QUEUE).getHeartbeatTimeout()).isNotNull();
    assertThat(StepOptions.of(Plans.command("c"), QUEUE).getHeartbeatTimeout()).isNotNull();
    assertThat(StepOptions.of(Plans.verify("v"), QUEUE).getHeartbeatTimeout()).isNull();
  }

  @Test
  void waitsForHeartbeatingStepsToStopWhenCancelled() {
    assertThat(
            StepOptions.of(Plans.restore("r", TEN_MINUTES_THREE_TRIES), QUEUE)
                .getCancellationType())
        .isEqualTo(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED);
    assertThat(StepOptions.of(Plans.command("c"), QUEUE).getCancellationType())
        .as("a cancelled run waits until the remote command is killed")
        .isEqualTo(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED);
    assertThat(StepOptions.of(Plans.notify("n", "hi"), QUEUE).getCancellationType())
        .isEqualTo(ActivityCancellationType.TRY_CANCEL);
  }

  @Test
  void aStepWithoutASiteKeepsTheWorkflowsQueueAndWaitsForNoWorker() {
    ActivityOptions options = StepOptions.of(Plans.command("c"), QUEUE);

    assertThat(options.getTaskQueue()).as("unset: the workflow's own queue").isNull();
    assertThat(options.getScheduleToStartTimeout()).isNull();
  }

  @Test
  void aStepWithASiteRunsOnTheSitesQueueAndWaitsForItsWorkerAtMostFiveMinutes() {
    ActivityOptions options =
        StepOptions.of(Plans.verify("a", TEN_MINUTES_THREE_TRIES.atSite("dr-east")), QUEUE);

    assertThat(options.getTaskQueue()).isEqualTo("lifeboat@dr-east");
    assertThat(options.getScheduleToStartTimeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(
            StepOptions.of(Plans.verify("a", Plans.ABORT.atSite("dr-east")), QUEUE)
                .getScheduleToStartTimeout())
        .as("a step whose attempts are shorter waits for its worker no longer than one attempt")
        .isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void aNotifyStepAlwaysRunsOnTheMainQueue() {
    NotifyStep notify =
        new NotifyStep("n", Plans.ABORT.atSite("dr-east"), NotifyChannel.LOG, null, "hi");

    assertThat(StepOptions.of(notify, QUEUE).getTaskQueue()).isNull();
  }
}
