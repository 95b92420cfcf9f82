package dev.lifeboat.workflow;

import java.util.List;
import java.util.Objects;

/**
 * What a run resuming an earlier one (failed, cancelled or interrupted) takes from it: the steps of
 * its main stages that succeeded there. The run starts at its first unfinished step; a stage whose
 * steps all carried over is not run, and of a stage partly done only the rest runs.
 *
 * @param fromRunId the run resumed
 * @param carried the main-stage steps that succeeded in it (or were carried into it), in plan order
 */
public record Resumption(String fromRunId, List<CarriedStep> carried) {
  public Resumption {
    Objects.requireNonNull(fromRunId, "fromRunId");
    carried = carried == null ? List.of() : List.copyOf(carried);
  }
}
