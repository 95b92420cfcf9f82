package dev.lifeboat.app.plans;

import dev.lifeboat.runbook.FileReading;
import dev.lifeboat.runbook.RunbookProblem;
import java.util.List;

/**
 * Every runbook file of the folder, each read on its own, in file-name order.
 *
 * @param problems problems of the folder itself (missing, unreadable)
 */
record FolderReading(List<FileReading> files, List<RunbookProblem> problems) {
  FolderReading {
    files = List.copyOf(files);
    problems = List.copyOf(problems);
  }
}
