package dev.lifeboat.activities.failover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeboat.activities.postgres.ConfiguredPostgresServers;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A retry made by Temporal itself: the first attempt promotes a real standby but its completion is
 * lost, as when the worker dies right after; the second attempt must find the first one's
 * observation in the heartbeat details Temporal kept, and succeed as already promoted.
 */
class PromoteStandbyRetryTest {
  private static final String QUEUE = "promote-retry";

  private StreamingPair pair;
  private TestWorkflowEnvironment env;

  @BeforeEach
  void start() throws IOException {
    pair = StreamingPair.start();
    env = TestWorkflowEnvironment.newInstance();
  }

  @AfterEach
  void stop() {
    env.close();
    pair.close();
  }

  @Test
  void aRetryAfterALostCompletionSucceedsAsAlreadyPromoted() {
    AtomicInteger attempts = new AtomicInteger();
    PromoteStandbyActivity real =
        new PromoteStandbyActivityImpl(
            new ConfiguredPostgresServers(Map.of("dr-standby", pair.standby())), Clock.systemUTC());
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(PromoteOnceImpl.class);
    worker.registerActivitiesImplementations(new LosesFirstCompletion(real, attempts));
    env.start();

    PromoteStandbyResult result =
        env.getWorkflowClient()
            .newWorkflowStub(
                PromoteOnce.class, WorkflowOptions.newBuilder().setTaskQueue(QUEUE).build())
            .promote("dr-standby");

    assertThat(attempts.get()).as("Temporal retried the step once").isEqualTo(2);
    assertThat(result.alreadyPrimary())
        .as("the second attempt saw the first attempt's observation of a standby on timeline 1")
        .isTrue();
    assertThat(result.summary())
        .contains(
            "already promoted by an earlier attempt of this step: a standby on timeline 1",
            "now primary on timeline 2");
    assertThat(StreamingPair.queryText(pair.standby(), "SELECT pg_is_in_recovery()"))
        .isEqualTo("f");
  }

  /** Calls the promote activity once, with retries, as the runbook workflow does. */
  @WorkflowInterface
  public interface PromoteOnce {
    @WorkflowMethod
    PromoteStandbyResult promote(String server);
  }

  public static class PromoteOnceImpl implements PromoteOnce {
    private final PromoteStandbyActivity activity =
        Workflow.newActivityStub(
            PromoteStandbyActivity.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(60))
                .setRetryOptions(
                    RetryOptions.newBuilder()
                        .setMaximumAttempts(3)
                        .setInitialInterval(Duration.ofMillis(100))
                        .build())
                .build());

    @Override
    public PromoteStandbyResult promote(String server) {
      return activity.promoteStandby(new PromoteStandbyRequest(server, Duration.ofSeconds(30)));
    }
  }

  /** Promotes for real, then loses the first attempt's completion. */
  private record LosesFirstCompletion(PromoteStandbyActivity real, AtomicInteger attempts)
      implements PromoteStandbyActivity {
    @Override
    public PromoteStandbyResult promoteStandby(PromoteStandbyRequest request) {
      attempts.incrementAndGet();
      PromoteStandbyResult result = real.promoteStandby(request);
      if (Activity.getExecutionContext().getInfo().getAttempt() == 1) {
        throw ApplicationFailure.newFailure("the worker died right after promoting", "LOST");
      }
      return result;
    }
  }
}
