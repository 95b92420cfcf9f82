package dev.lifeboat.workflow;

import dev.lifeboat.runbook.Runbook;
import dev.lifeboat.runbook.Step;
import io.temporal.workflow.Workflow;
import java.util.Optional;

/**
 * Which steps a run of a mode runs: a step that says {@code modes:} without the run's mode is
 * skipped, with {@link #skipReason} as its summary. Runs recorded before {@code modes:} existed run
 * every step, so the rule is versioned ({@value #CHANGE_ID}), and asked only of plans that use it.
 */
final class StepModes {
  static final String CHANGE_ID = "step-modes";

  private final RunMode mode;
  private final boolean applies;

  private StepModes(RunMode mode, boolean applies) {
    this.mode = mode;
    this.applies = applies;
  }

  /** The rule for a run of {@code plan} in {@code mode}; call once, from the workflow thread. */
  static StepModes of(Runbook plan, RunMode mode) {
    boolean applies =
        plan.declaresModes() && Workflow.getVersion(CHANGE_ID, Workflow.DEFAULT_VERSION, 1) >= 1;
    return new StepModes(mode, applies);
  }

  /** Why the run does not run {@code step}, or empty when it does. */
  Optional<String> skipReason(Step step) {
    if (!applies || step.policy().runsIn(mode.apiName())) {
      return Optional.empty();
    }
    return Optional.of(
        "not run in a "
            + mode.apiName()
            + ": the step runs only in "
            + String.join(", ", step.policy().modes())
            + " (modes: ["
            + String.join(", ", step.policy().modes())
            + "])");
  }
}
