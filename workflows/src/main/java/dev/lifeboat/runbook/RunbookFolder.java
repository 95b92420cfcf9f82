package dev.lifeboat.runbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
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
 *
 * <p>A bad file is a problem of that file, never of the load: whatever one file does to the reader
 * (an exception included), the others load.
 */
public final class RunbookFolder {
  private static final Pattern NAME_LINE = Pattern.compile("(?m)^name\\s*:");

  /** Bytes no runbook of {@link YamlDocument#MAX_CHARS} characters can have, even in UTF-8. */
  private static final long MAX_BYTES = 4L * YamlDocument.MAX_CHARS;

  /** Reads one runbook's text; {@link RunbookParser#parse} in the app. */
  @FunctionalInterface
  public interface Reader {
    ParseResult parse(String source, String text);
  }

  private final Reader reader;

  public RunbookFolder(RunbookParser parser) {
    this(parser::parse);
  }

  public RunbookFolder(Reader reader) {
    this.reader = reader;
  }

  /** Every runbook file of {@code folder}, sorted by file name. */
  public LoadedRunbooks load(Path folder) {
    if (!Files.isDirectory(folder)) {
      return new LoadedRunbooks(List.of(), List.of(notAFolder(folder)));
    }
    try {
      return loadFiles(runbookFiles(folder));
    } catch (UncheckedIOException unlistable) {
      return new LoadedRunbooks(List.of(), List.of(unlistable(folder, unlistable)));
    }
  }

  /** The given files, in the given order. */
  public LoadedRunbooks loadFiles(List<Path> files) {
    List<RunbookFile> loaded = new ArrayList<>();
    List<RunbookProblem> problems = new ArrayList<>();
    Map<String, Path> owners = new HashMap<>();
    int crashed = 0;
    for (Path file : files) {
      FileReading reading = read(file);
      problems.addAll(reading.problems());
      crashed += reading.crashed() ? 1 : 0;
      if (reading.runbook().isEmpty()) {
        continue;
      }
      RunbookFile runbook = reading.runbook().get();
      Path first = owners.putIfAbsent(runbook.runbook().name(), file);
      if (first != null) {
        problems.add(nameTaken(runbook, first));
        continue;
      }
      loaded.add(runbook);
    }
    return new LoadedRunbooks(loaded, problems, crashed);
  }

  /** One file on its own, without looking at the others. Never throws. */
  public FileReading read(Path file) {
    String text;
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        return FileReading.problem(
            file,
            "the file is "
                + size
                + " bytes long; a runbook may have at most "
                + YamlDocument.MAX_CHARS
                + " characters",
            false);
      }
      text = Files.readString(file);
    } catch (CharacterCodingException notText) {
      return FileReading.problem(file, "cannot read: the file is not UTF-8 text", false);
    } catch (IOException | UncheckedIOException unreadable) {
      return FileReading.problem(file, "cannot read: " + unreadable.getMessage(), false);
    }
    try {
      ParseResult result = reader.parse(file.toString(), text);
      return new FileReading(
          file,
          result.runbook().map(plan -> new RunbookFile(file, text, plan)),
          result.problems(),
          false);
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError bug) {
      return FileReading.problem(file, crashMessage(bug), true);
    }
  }

  /** The problem of a plan whose name an earlier file ({@code first}) already has. */
  public static RunbookProblem nameTaken(RunbookFile file, Path first) {
    return new RunbookProblem(
        file.path().toString(),
        nameLine(file.text()),
        1,
        "name",
        "plan name '" + file.runbook().name() + "' is already used by " + first);
  }

  /** What a file that made the reader fail is told: a bug, with what to report. */
  static String crashMessage(Throwable bug) {
    return "reading this file failed with "
        + bug.getClass().getName()
        + (bug.getMessage() == null ? "" : " (" + Excerpt.value(bug.getMessage()) + ")")
        + "; this is a bug in Lifeboat, please report it";
  }

  public static RunbookProblem notAFolder(Path folder) {
    return new RunbookProblem(folder.toString(), 0, 0, "", "not a folder of runbooks");
  }

  public static RunbookProblem unlistable(Path folder, UncheckedIOException unlistable) {
    return new RunbookProblem(
        folder.toString(), 0, 0, "", "cannot list: " + unlistable.getCause().getMessage());
  }

  /** The runbook files of a folder, sorted by name so loading is the same on every machine. */
  public static List<Path> runbookFiles(Path folder) {
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

  public static boolean isRunbookFile(Path path) {
    String name = path.getFileName().toString();
    return name.endsWith(".yml") || name.endsWith(".yaml");
  }

  /** The line of the top-level {@code name:} (the plan parsed, so there is exactly one). */
  private static int nameLine(String text) {
    Matcher name = NAME_LINE.matcher(text);
    return name.find() ? (int) text.substring(0, name.start()).lines().count() + 1 : 0;
  }
}
