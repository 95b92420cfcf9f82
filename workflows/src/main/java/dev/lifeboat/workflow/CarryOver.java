package dev.lifeboat.workflow;

import static dev.lifeboat.workflow.RunEventType.STEP_CARRIED_OVER;

import dev.lifeboat.runbook.ApprovalStep;
import dev.lifeboat.runbook.Stage;
import dev.lifeboat.runbook.Step;
import io.temporal.workflow.Workflow;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A resumed run's steps that were done in the run it resumes: put on the board and in the record as
 * succeeded ({@code step.carried_over}) before anything runs, so notify templates see their
 * results, and left out of their stages, so their activities are not called again.
 *
 * <p>The run starts at its first unfinished step: a step offered is carried over only while no
 * earlier stage has a step to run again, since a later stage builds on what the earlier ones did (a
 * check reads the database a restore made). A step its mode skips ({@code modes:}) is not
 * unfinished: the resumed run skips it again. A carried-over step's {@code undo:} is registered as
 * if it had run here, so a drill's cleanup still undoes what it did.
 *
 * <p>An {@code approval} is never carried over: people approved the run they were shown, not this
 * one, so it is asked again where it stands. It does not make the work after it run again either:
 * what succeeded after the approval, approved then, is still done.
 */
final class CarryOver {
  /** The interpreter change that introduced resuming; histories before it never carried over. */
  static final String CHANGE_ID = "resume-carry-over";

  private final Set<String> carried;

  private CarryOver(Set<String> carried) {
    this.carried = Set.copyOf(carried);
  }

  /**
   * Carries over the input's offered steps that are main-stage steps of its plan, still pending,
   * and come before the first stage with a step to run; a run launched afresh carries none.
   */
  static CarryOver apply(
      RunInput input,
      RunBoard board,
      RunJournal journal,
      StepModes modes,
      Consumer<Step> registerUndo) {
    Resumption resumption = input.resumption();
    if (resumption == null
        || Workflow.getVersion(CHANGE_ID, Workflow.DEFAULT_VERSION, 1)
            == Workflow.DEFAULT_VERSION) {
      return new CarryOver(Set.of());
    }
    Map<String, CarriedStep> offered = new HashMap<>();
    resumption.carried().forEach(step -> offered.putIfAbsent(step.stepId(), step));
    Set<String> carried = new HashSet<>();
    boolean unfinishedBefore = false;
    for (Stage stage : input.plan().stages()) {
      boolean unfinishedHere = false;
      for (Step step : stage.steps()) {
        if (step instanceof ApprovalStep) {
          continue; // asked again, in its place; not unfinished work
        }
        CarriedStep done = offered.get(step.id());
        if (done != null && !unfinishedBefore && pending(board, step)) {
          registerUndo.accept(step);
          journal.stepEvent(STEP_CARRIED_OVER, board.stepCarriedOver(done), done.message(), done);
          carried.add(step.id());
        } else if (modes.skipReason(step).isEmpty()) {
          unfinishedHere = true;
        }
      }
      unfinishedBefore |= unfinishedHere;
    }
    return new CarryOver(carried);
  }

  private static boolean pending(RunBoard board, Step step) {
    return board.find(step.id()).filter(s -> s.status() == StepStatus.PENDING).isPresent();
  }

  /** The stage without its carried-over steps; empty when none is left to run. */
  Optional<Stage> remaining(Stage stage) {
    if (carried.isEmpty()) {
      return Optional.of(stage);
    }
    List<Step> left = stage.steps().stream().filter(s -> !carried.contains(s.id())).toList();
    return left.isEmpty() ? Optional.empty() : Optional.of(new Stage(stage.name(), left));
  }
}
