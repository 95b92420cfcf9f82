package dev.lifeboat.activities.process;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A finished tool run. Output is kept only up to a size cap (the newest part survives), so a tool
 * that prints gigabytes cannot exhaust the worker's memory.
 */
public record ToolRun(
    String tool,
    int exitCode,
    String stdout,
    String stderr,
    long stdoutLines,
    long stderrLines,
    long durationMillis) {

  public boolean succeeded() {
    return exitCode == 0;
  }

  /**
   * The last {@code maxLines} lines of standard error that say something went wrong, or simply the
   * last lines when none do; verbose progress lines would otherwise hide the error.
   */
  public String stderrTail(int maxLines) {
    List<String> lines = Arrays.stream(stderr.split("\n")).filter(l -> !l.isBlank()).toList();
    List<String> problems =
        lines.stream()
            .filter(l -> l.contains("error:") || l.contains("ERROR:") || l.contains("FATAL:"))
            .toList();
    List<String> chosen = problems.isEmpty() ? lines : problems;
    return chosen.subList(Math.max(0, chosen.size() - maxLines), chosen.size()).stream()
        .collect(Collectors.joining("\n"));
  }
}
