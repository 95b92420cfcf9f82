package dev.lifeboat.runbook;

import java.util.Objects;

/**
 * One thing wrong with a runbook, located precisely enough to fix without searching.
 *
 * @param source the file (or other source name) the text came from
 * @param line 1-based; 0 when the problem is not tied to a place in the text (e.g. a launch value)
 * @param column 1-based; 0 when unknown
 * @param path the field path, e.g. {@code stages[1].steps[0].timeout}; empty for the document
 */
public record RunbookProblem(String source, int line, int column, String path, String message) {
  public RunbookProblem {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  /** {@code file:line:column: path: message}, the form editors and terminals link. */
  public String format() {
    String where = line > 0 ? source + ":" + line + ":" + column : source;
    return path.isEmpty() ? where + ": " + message : where + ": " + path + ": " + message;
  }
}
