package dev.lifeboat.workflow;

import java.time.Instant;
import java.util.List;

/** The live state of a run, as answered by {@link RunbookWorkflow#state()}. */
public record RunState(
    String runId, RunStatus status, Instant startedAt, Instant endedAt, List<StepState> steps) {
  public RunState {
    steps = List.copyOf(steps);
  }
}
