package dev.lifeboat.app.plans;

import dev.lifeboat.runbook.RunbookFile;
import dev.lifeboat.runbook.RunbookProblem;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The plans loaded from {@code runbooks/} at start. Broken files are not offered for launch; their
 * problems are kept so the API and the log can say exactly what is wrong.
 */
public final class PlanCatalog {
  private final Map<String, RunbookFile> plans;
  private final List<RunbookProblem> problems;

  public PlanCatalog(List<RunbookFile> files, List<RunbookProblem> problems) {
    this.plans =
        files.stream()
            .collect(
                Collectors.toMap(
                    file -> file.runbook().name(),
                    Function.identity(),
                    (first, second) -> first,
                    java.util.TreeMap::new));
    this.problems = List.copyOf(problems);
  }

  public Optional<RunbookFile> find(String name) {
    return Optional.ofNullable(plans.get(name));
  }

  public Collection<RunbookFile> all() {
    return plans.values();
  }

  public List<RunbookProblem> problems() {
    return problems;
  }

  public String names() {
    return plans.isEmpty() ? "(none)" : String.join(", ", plans.keySet());
  }
}
