package dev.lifeboat.runbook;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A runbook, or every problem found in it (never just the first).
 *
 * @param runbook present only when there are no problems
 * @param params the resolved parameter values (launch values checked and typed, defaults applied);
 *     empty when parsing without {@link RunBindings}
 */
public record ParseResult(
    Optional<Runbook> runbook, Map<String, String> params, List<RunbookProblem> problems) {
  public ParseResult {
    params = Map.copyOf(params);
    problems = List.copyOf(problems);
    if (runbook.isPresent() == !problems.isEmpty()) {
      throw new IllegalArgumentException("a result has either a runbook or problems");
    }
  }

  public boolean ok() {
    return problems.isEmpty();
  }

  public static ParseResult failed(List<RunbookProblem> problems) {
    return new ParseResult(Optional.empty(), Map.of(), problems);
  }
}
