package dev.lifeboat.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * The live state of a run, as answered by {@link RunbookWorkflow#state()}.
 *
 * @param findings tabletop gaps, in plan order; empty (and left out of the JSON) otherwise, absent
 *     from states recorded before tabletop runs existed
 */
public record RunState(
    String runId,
    RunStatus status,
    Instant startedAt,
    Instant endedAt,
    List<StepState> steps,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Finding> findings) {
  public RunState {
    steps = List.copyOf(steps);
    findings = findings == null ? List.of() : List.copyOf(findings);
  }
}
