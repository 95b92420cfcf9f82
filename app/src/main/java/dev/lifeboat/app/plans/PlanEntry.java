package dev.lifeboat.app.plans;

import dev.lifeboat.runbook.RunbookFile;
import dev.lifeboat.runbook.RunbookProblem;
import java.util.List;
import java.util.Objects;

/**
 * A plan offered for launch.
 *
 * @param file the last version of the file that loaded without problems
 * @param problems the problems of the file as it is on disk now; when not empty, {@code file} is an
 *     older version kept so the plan stays launchable while someone fixes it
 */
public record PlanEntry(RunbookFile file, List<RunbookProblem> problems) {
  public PlanEntry {
    Objects.requireNonNull(file, "file");
    problems = List.copyOf(problems);
  }

  public String name() {
    return file.runbook().name();
  }

  /** Whether this is an older version kept because the file now has problems. */
  public boolean keptLastGood() {
    return !problems.isEmpty();
  }
}
