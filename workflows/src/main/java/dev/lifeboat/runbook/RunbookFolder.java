package dev.lifeboat.runbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads runbook files: every {@code *.yml} and {@code *.yaml} of a folder (not its subfolders), or
 * a given list of files. Plan names must be unique across what is loaded, because runs, URLs and
 * recovery workflow ids are keyed by them; a file's name need not match its plan's name.
 */
public final class RunbookFolder {
  private static final Pattern NAME_LINE = Pattern.compile("(?m)^name\\s*:");

  private final RunbookParser parser;

  public RunbookFolder(RunbookParser parser) {
    this.parser = parser;
  }

  /** Every runbook file of {@code folder}, sorted by file name. */
  public LoadedRunbooks load(Path folder) {
    if (!Files.isDirectory(folder)) {
      return new LoadedRunbooks(
          List.of(),
          List.of(new RunbookProblem(folder.toString(), 0, 0, "", "not a folder of runbooks")));
    }
    return loadFiles(runbookFiles(folder));
  }

  /** The given files, in the given order. */
  public LoadedRunbooks loadFiles(List<Path> files) {
    List<RunbookFile> loaded = new ArrayList<>();
    List<RunbookProblem> problems = new ArrayList<>();
    Map<String, Path> owners = new HashMap<>();
    for (Path file : files) {
      String text;
      try {
        text = Files.readString(file);
      } catch (IOException | UncheckedIOException unreadable) {
        problems.add(
            new RunbookProblem(
                file.toString(), 0, 0, "", "cannot read: " + unreadable.getMessage()));
        continue;
      }
      ParseResult result = parser.parse(file.toString(), text);
      problems.addAll(result.problems());
      if (result.runbook().isEmpty()) {
        continue;
      }
      Runbook runbook = result.runbook().get();
      Path first = owners.putIfAbsent(runbook.name(), file);
      if (first != null) {
        problems.add(
            new RunbookProblem(
                file.toString(),
                nameLine(text),
                1,
                "name",
                "plan name '" + runbook.name() + "' is already used by " + first));
        continue;
      }
      loaded.add(new RunbookFile(file, text, runbook));
    }
    return new LoadedRunbooks(loaded, problems);
  }

  /** The runbook files of a folder, sorted by name so loading is the same on every machine. */
  static List<Path> runbookFiles(Path folder) {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries
          .filter(Files::isRegularFile)
          .filter(RunbookFolder::isRunbookFile)
          .sorted()
          .toList();
    } catch (IOException unreadable) {
      throw new UncheckedIOException("cannot list " + folder, unreadable);
    }
  }

  static boolean isRunbookFile(Path path) {
    String name = path.getFileName().toString();
    return name.endsWith(".yml") || name.endsWith(".yaml");
  }

  /** The line of the top-level {@code name:} (the plan parsed, so there is exactly one). */
  private static int nameLine(String text) {
    Matcher name = NAME_LINE.matcher(text);
    return name.find() ? (int) text.substring(0, name.start()).lines().count() + 1 : 0;
  }
}
