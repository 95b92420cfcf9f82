package dev.lifeboat.runbook;

import java.util.List;

/**
 * The runbooks that loaded, and every problem of those that did not (or that clash).
 *
 * @param files the sound runbooks, in file-name order
 * @param crashed how many files the reader failed on with an exception (a bug of Lifeboat; each is
 *     also one of the problems)
 */
public record LoadedRunbooks(List<RunbookFile> files, List<RunbookProblem> problems, int crashed) {
  public LoadedRunbooks {
    files = List.copyOf(files);
    problems = List.copyOf(problems);
  }

  public LoadedRunbooks(List<RunbookFile> files, List<RunbookProblem> problems) {
    this(files, problems, 0);
  }

  public boolean ok() {
    return problems.isEmpty();
  }
}
