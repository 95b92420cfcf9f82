package dev.lifeboat.workflow;

import static dev.lifeboat.workflow.RunEventType.STEP_CARRIED_OVER;

import dev.lifeboat.runbook.Runbook;
import dev.lifeboat.runbook.Stage;
import dev.lifeboat.runbook.Step;
import io.temporal.workflow.Workflow;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A resumed run's steps that succeeded in the run it resumes: put on the board and in the record as
 * succeeded ({@code step.carried_over}) before anything runs, so notify templates see their
 * results, and left out of their stages, so their activities are not called again.
 */
final class CarryOver {
  /** The interpreter change that introduced resuming; histories before it never carried over. */
  static final String CHANGE_ID = "resume-carry-over";

  private final Set<String> carried;

  private CarryOver(Set<String> carried) {
    this.carried = Set.copyOf(carried);
  }

  /**
   * Carries over the input's steps that are main-stage steps of its plan and still pending; a run
   * launched afresh carries none.
   */
  static CarryOver apply(RunInput input, RunBoard board, RunJournal journal) {
    Resumption resumption = input.resumption();
    if (resumption == null
        || Workflow.getVersion(CHANGE_ID, Workflow.DEFAULT_VERSION, 1)
            == Workflow.DEFAULT_VERSION) {
      return new CarryOver(Set.of());
    }
    Set<String> mainSteps = mainStepIds(input.plan());
    Set<String> carried = new HashSet<>();
    for (CarriedStep step : resumption.carried()) {
      boolean pending =
          board.find(step.stepId()).filter(s -> s.status() == StepStatus.PENDING).isPresent();
      if (mainSteps.contains(step.stepId()) && pending) {
        journal.stepEvent(STEP_CARRIED_OVER, board.stepCarriedOver(step), step.message(), step);
        carried.add(step.stepId());
      }
    }
    return new CarryOver(carried);
  }

  /** The stage without its carried-over steps; empty when none is left to run. */
  Optional<Stage> remaining(Stage stage) {
    if (carried.isEmpty()) {
      return Optional.of(stage);
    }
    List<Step> left = stage.steps().stream().filter(s -> !carried.contains(s.id())).toList();
    return left.isEmpty() ? Optional.empty() : Optional.of(new Stage(stage.name(), left));
  }

  private static Set<String> mainStepIds(Runbook plan) {
    Set<String> ids = new HashSet<>();
    plan.stages().forEach(stage -> stage.steps().forEach(step -> ids.add(step.id())));
    return ids;
  }
}
