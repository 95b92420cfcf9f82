package dev.lifeboat.runbook;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Collects the problems of one parse, so that every reader can report and carry on: the author sees
 * all mistakes in one go instead of fixing them one run at a time.
 */
final class Problems {
  private static final Comparator<RunbookProblem> IN_TEXT_ORDER =
      Comparator.comparingInt(RunbookProblem::line).thenComparingInt(RunbookProblem::column);

  private final String source;
  private final List<RunbookProblem> found = new ArrayList<>();

  Problems(String source) {
    this.source = source;
  }

  /** A problem located at the start of {@code node}. */
  void add(Node node, String path, String message) {
    Mark mark = node.getStartMark();
    add(mark.getLine() + 1, mark.getColumn() + 1, path, message);
  }

  /** A problem at a 1-based line and column; 0 when not tied to a place in the text. */
  void add(int line, int column, String path, String message) {
    found.add(new RunbookProblem(source, line, column, path, message));
  }

  int count() {
    return found.size();
  }

  /** Whether problems were added since {@code mark}, an earlier {@link #count()}. */
  boolean since(int mark) {
    return found.size() > mark;
  }

  /** Every problem, in the order a reader of the file meets them (stable for equal places). */
  List<RunbookProblem> inTextOrder() {
    return found.stream().sorted(IN_TEXT_ORDER).toList();
  }
}
