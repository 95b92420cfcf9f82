package dev.lifeboat.runbook;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code lifeboat check <files or folders>} does: loads every runbook named (folders are
 * expanded to their runbook files) as the app would, and returns every problem. No problems means
 * the app will accept them all.
 */
public final class RunbookCheck {
  private final RunbookFolder folder;

  public RunbookCheck(RunbookFolder folder) {
    this.folder = folder;
  }

  /** Every problem of every runbook, including plan names used twice across the paths. */
  public List<RunbookProblem> check(List<Path> paths) {
    return load(paths).problems();
  }

  /**
   * What {@link #check} finds, with the plans that loaded and how many files the reader failed on
   * (a bug, which {@code lifeboat check} tells apart from problems of the files).
   */
  public LoadedRunbooks load(List<Path> paths) {
    List<Path> files = new ArrayList<>();
    List<RunbookProblem> problems = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try {
          files.addAll(RunbookFolder.runbookFiles(path));
        } catch (UncheckedIOException unlistable) {
          problems.add(RunbookFolder.unlistable(path, unlistable));
        }
      } else if (Files.isRegularFile(path)) {
        files.add(path);
      } else {
        problems.add(new RunbookProblem(path.toString(), 0, 0, "", "no such file or folder"));
      }
    }
    LoadedRunbooks loaded = folder.loadFiles(files);
    problems.addAll(loaded.problems());
    return new LoadedRunbooks(loaded.files(), problems, loaded.crashed());
  }
}
