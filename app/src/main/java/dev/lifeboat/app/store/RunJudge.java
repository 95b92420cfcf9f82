package dev.lifeboat.app.store;

import dev.lifeboat.workflow.RunStatus;
import dev.lifeboat.workflow.verdict.RunVerdict;
import java.util.List;
import java.util.Optional;

/**
 * Judges a run as its end is recorded ({@link RunStore}), from the record: the run as recorded, the
 * status it ends with, and all its events, its end included. The judging itself is {@code
 * VerdictJudge}'s.
 */
public interface RunJudge {
  /** Judges nothing: for stores that only write transitions (tests of the store itself). */
  RunJudge NONE = (run, status, events) -> Optional.empty();

  /** The run's verdict; empty when it gets none (a tabletop run). */
  Optional<RunVerdict> judge(RunRow run, RunStatus status, List<RunEventRow> events);
}
