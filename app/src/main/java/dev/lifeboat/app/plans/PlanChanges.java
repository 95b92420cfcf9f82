package dev.lifeboat.app.plans;

import dev.lifeboat.runbook.RunbookProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * What a reload changed, as {@code POST /api/plans/reload} answers it and the log tells it.
 *
 * @param added plans new in this reload
 * @param updated plans whose file changed and loaded
 * @param removed plans gone: their file was deleted, renamed its plan, or lost a name clash
 * @param kept plans whose file now has problems, still offered in their last good version
 * @param problems every problem of the folder now, as {@code file:line:column: field: message}
 */
public record PlanChanges(
    List<String> added,
    List<String> updated,
    List<String> removed,
    List<Kept> kept,
    List<String> problems) {
  public PlanChanges {
    added = List.copyOf(added);
    updated = List.copyOf(updated);
    removed = List.copyOf(removed);
    kept = List.copyOf(kept);
    problems = List.copyOf(problems);
  }

  /** A plan kept in its last good version, and why the file on disk was not taken. */
  public record Kept(String plan, String file, List<String> problems) {}

  /** The difference from {@code before} to {@code after}. */
  static PlanChanges between(PlanSnapshot before, PlanSnapshot after) {
    List<String> added = new ArrayList<>();
    List<String> updated = new ArrayList<>();
    List<Kept> kept = new ArrayList<>();
    after
        .plans()
        .forEach(
            (name, entry) -> {
              PlanEntry old = before.plans().get(name);
              if (old == null) {
                added.add(name);
              } else if (!old.file().equals(entry.file())) {
                updated.add(name);
              }
              if (entry.keptLastGood()) {
                kept.add(
                    new Kept(
                        name,
                        entry.file().path().getFileName().toString(),
                        formatted(entry.problems())));
              }
            });
    List<String> removed =
        before.plans().keySet().stream().filter(name -> !after.plans().containsKey(name)).toList();
    return new PlanChanges(added, updated, removed, kept, formatted(after.problems()));
  }

  /** One line for the log: the plan names that changed (the problems are logged one by one). */
  public String summary() {
    return "added "
        + added
        + ", updated "
        + updated
        + ", removed "
        + removed
        + ", kept last good "
        + kept.stream().map(Kept::plan).toList();
  }

  static List<String> formatted(List<RunbookProblem> problems) {
    return problems.stream().map(RunbookProblem::format).toList();
  }
}
