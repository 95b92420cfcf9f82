package dev.lifeboat.app.plans;

import dev.lifeboat.runbook.RunbookProblem;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The plans at one moment, never changed once built: a reload builds a new snapshot and swaps it in
 * whole, so a reader sees either the old plans or the new ones, never a mix.
 *
 * @param plans by plan name, in name order
 * @param problems every problem of the folder as it is on disk, in file order: files without a
 *     plan, plan names used twice, and the problems of files whose last good version is kept
 */
public record PlanSnapshot(Map<String, PlanEntry> plans, List<RunbookProblem> problems) {
  public static final PlanSnapshot EMPTY = new PlanSnapshot(Map.of(), List.of());

  public PlanSnapshot {
    plans = Collections.unmodifiableMap(new TreeMap<>(plans));
    problems = List.copyOf(problems);
  }
}
