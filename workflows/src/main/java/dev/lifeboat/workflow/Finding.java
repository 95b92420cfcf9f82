package dev.lifeboat.workflow;

import java.util.List;

/** A gap found in a tabletop walk-through: the step, what is missing, and who said so. */
public record Finding(String stage, String stepId, String notes, String by) {
  /** The gaps acknowledged among {@code steps}, in their order. */
  public static List<Finding> in(List<StepState> steps) {
    return steps.stream()
        .filter(step -> step.acknowledgement() != null)
        .filter(step -> step.acknowledgement().outcome() == AckOutcome.GAP)
        .map(
            step ->
                new Finding(
                    step.stage(),
                    step.stepId(),
                    step.acknowledgement().notes(),
                    step.acknowledgement().by()))
        .toList();
  }
}
