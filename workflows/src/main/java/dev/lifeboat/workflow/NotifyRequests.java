package dev.lifeboat.workflow;

import dev.lifeboat.activities.notify.NotifyContext;
import dev.lifeboat.activities.notify.NotifyRequest;
import dev.lifeboat.runbook.NotifyStep;
import java.util.List;

/**
 * Builds a notify step's request: its template plus the run's data as it is when the step runs,
 * including, in a {@code finally:} stage, how the main stages ended and which step failed.
 */
final class NotifyRequests {
  private final RunInput input;
  private final RunBoard board;

  NotifyRequests(RunInput input, RunBoard board) {
    this.input = input;
    this.board = board;
  }

  NotifyRequest of(NotifyStep step, String stageName) {
    NotifyContext context =
        new NotifyContext(
            input.runId(),
            input.mode().apiName(),
            input.launcher(),
            input.plan().name(),
            input.plan().title(),
            step.id(),
            stageName,
            input.params(),
            usesSteps(step) ? board.summariesExcept(step.id()) : List.of(),
            board.outcome(),
            board.failedStep().orElse(null));
    return new NotifyRequest(
        step.channel(), step.url(), step.message(), context, input.mode().notifyPrefix());
  }

  /**
   * The list of earlier steps grows with the plan and travels in every notify request and its
   * history event, so it is sent only to templates that mention {@code steps}.
   */
  static boolean usesSteps(NotifyStep step) {
    return step.message().contains("steps");
  }
}
