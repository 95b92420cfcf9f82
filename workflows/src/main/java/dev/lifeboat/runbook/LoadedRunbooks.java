package dev.lifeboat.runbook;

import java.util.List;

/**
 * The runbooks that loaded, and every problem of those that did not (or that clash).
 *
 * @param files the sound runbooks, in file-name order
 */
public record LoadedRunbooks(List<RunbookFile> files, List<RunbookProblem> problems) {
  public LoadedRunbooks {
    files = List.copyOf(files);
    problems = List.copyOf(problems);
  }

  public boolean ok() {
    return problems.isEmpty();
  }
}
