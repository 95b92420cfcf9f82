package dev.lifeboat.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * The live state of a run, as answered by {@link RunbookWorkflow#state()}.
 *
 * @param findings tabletop gaps, in plan order; empty (and left out of the JSON) otherwise, absent
 *     from states recorded before tabletop runs existed
 * @param cleanup the registered undos and how they went; null (left out) in runs without undo
 *     support (tabletop, histories from before it)
 */
public record RunState(
    String runId,
    RunStatus status,
    Instant startedAt,
    Instant endedAt,
    List<StepState> steps,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Finding> findings,
    @JsonInclude(JsonInclude.Include.NON_NULL) CleanupState cleanup) {
  public RunState {
    steps = List.copyOf(steps);
    findings = findings == null ? List.of() : List.copyOf(findings);
  }

  /** A state without cleanup: runs before undos, and tabletop runs. */
  public RunState(
      String runId,
      RunStatus status,
      Instant startedAt,
      Instant endedAt,
      List<StepState> steps,
      List<Finding> findings) {
    this(runId, status, startedAt, endedAt, steps, findings, null);
  }
}
