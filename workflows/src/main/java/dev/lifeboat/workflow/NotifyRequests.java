package dev.lifeboat.workflow;

import dev.lifeboat.activities.notify.NotifyContext;
import dev.lifeboat.runbook.Step;
import dev.lifeboat.runbook.StepContext;
import java.util.List;

/**
 * The run's data for a notify step's template, as it is when the step runs, including, in a {@code
 * finally:} stage, how the main stages ended and which step failed.
 */
final class NotifyRequests {
  private final RunInput input;
  private final RunBoard board;

  NotifyRequests(RunInput input, RunBoard board) {
    this.input = input;
    this.board = board;
  }

  /** What steps starting in {@code stageName} may take from the run. */
  StepContext at(String stageName) {
    return new StepContext() {
      @Override
      public NotifyContext templateData(Step step, boolean withEarlierSteps) {
        return of(step, stageName, withEarlierSteps);
      }

      @Override
      public String notifyPrefix() {
        return input.mode().notifyPrefix();
      }
    };
  }

  private NotifyContext of(Step step, String stageName, boolean withEarlierSteps) {
    return new NotifyContext(
        input.runId(),
        input.mode().apiName(),
        input.launcher(),
        input.plan().name(),
        input.plan().title(),
        step.id(),
        stageName,
        input.params(),
        withEarlierSteps ? board.summariesExcept(step.id()) : List.of(),
        board.outcome(),
        board.failedStep().orElse(null));
  }
}
