package dev.lifeboat.app.bench;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;

/** The baseline: a hand-written workflow calling {@code steps} trivial activities in sequence. */
@WorkflowInterface
public interface RawWorkflow {
  @WorkflowMethod
  int run(int steps);

  /** Same activity options as a Lifeboat step with the default policy. */
  final class Impl implements RawWorkflow {
    private final TrivialActivity activity =
        Workflow.newActivityStub(
            TrivialActivity.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofMinutes(10))
                .setRetryOptions(
                    RetryOptions.newBuilder()
                        .setMaximumAttempts(3)
                        .setInitialInterval(Duration.ofSeconds(1))
                        .setBackoffCoefficient(2.0)
                        .build())
                .build());

    @Override
    public int run(int steps) {
      for (int i = 0; i < steps; i++) {
        activity.touch("step-" + i);
      }
      return steps;
    }
  }
}
