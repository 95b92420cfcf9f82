package dev.lifeboat.runbook;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One runbook file read on its own: its plan, or its problems.
 *
 * @param runbook present only when the file has no problems
 * @param crashed the reader failed with an exception: a bug of Lifeboat, told as a problem of the
 *     file so the other files still load
 */
public record FileReading(
    Path path, Optional<RunbookFile> runbook, List<RunbookProblem> problems, boolean crashed) {
  public FileReading {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(runbook, "runbook");
    problems = List.copyOf(problems);
  }

  static FileReading problem(Path path, String message, boolean crashed) {
    return new FileReading(
        path,
        Optional.empty(),
        List.of(new RunbookProblem(path.toString(), 0, 0, "", message)),
        crashed);
  }
}
