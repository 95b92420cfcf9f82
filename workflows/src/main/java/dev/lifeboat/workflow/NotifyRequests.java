package dev.lifeboat.workflow;

import dev.lifeboat.activities.notify.NotifyContext;
import dev.lifeboat.activities.notify.NotifyRequest;
import dev.lifeboat.runbook.NotifyStep;

/** Builds a notify step's request: its template plus the run's data as it is when the step runs. */
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
            board.summariesExcept(step.id()));
    return new NotifyRequest(step.channel(), step.url(), step.message(), context);
  }
}
