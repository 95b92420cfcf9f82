package dev.lifeboat.workflow;

import dev.lifeboat.runbook.Stage;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a plan's {@code finally:} stages once its main stages have ended, whatever the outcome: in
 * order, each stage's steps in parallel. They run in a detached cancellation scope, so a cancelled
 * run still tells people and cleans up, and a further cancel request does not stop them (each
 * finally step is bounded by its own timeout and retry). A finally step's failure is recorded like
 * any step's but stops nothing: every finally stage runs, whatever the steps' {@code on_failure}
 * says, and the run's status stays the one its main stages earned.
 */
final class FinallyStages {
  private final List<Stage> stages;
  private final StageRunner runner;

  FinallyStages(List<Stage> stages, StageRunner runner) {
    this.stages = stages;
    this.runner = runner;
  }

  /**
   * Runs them; answers what to add to the run's end message: empty when they all succeeded (or
   * there are none), else which finally steps failed and why.
   */
  String run() {
    if (stages.isEmpty()) {
      return "";
    }
    List<String> failed = new ArrayList<>();
    Workflow.newDetachedCancellationScope(
            () -> {
              for (Stage stage : stages) {
                runner.run(
                    stage,
                    (step, outcome) -> {
                      if (outcome.failed()) {
                        failed.add(step.id() + " (" + outcome.summary() + ")");
                      }
                    });
              }
            })
        .run();
    return failed.isEmpty()
        ? ""
        : "; finally step"
            + (failed.size() == 1 ? " " : "s ")
            + String.join(", ", failed)
            + " failed";
  }
}
