package dev.lifeboat.runbook;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Collects the problems of one parse, so that every reader can report and carry on: the author sees
 * all mistakes in one go instead of fixing them one run at a time. What it keeps is bounded: at
 * most {@link #LISTED} problems (the rest are counted), each path and message cut to a few hundred
 * characters, so no file can make the report, the log or the API answer large.
 */
final class Problems {
  /** How many problems of one file are listed; beyond that a file needs fixing, not reading. */
  static final int LISTED = 100;

  static final int MAX_PATH = 200;
  static final int MAX_MESSAGE = 400;

  private static final Comparator<RunbookProblem> IN_TEXT_ORDER =
      Comparator.comparingInt(RunbookProblem::line).thenComparingInt(RunbookProblem::column);

  private final String source;
  private final List<RunbookProblem> found = new ArrayList<>();
  private int count;

  /**
   * Problems already added, so reading a step's drill variant (its fields as overridden) does not
   * repeat the problems of the fields it shares with the step as written.
   */
  private final Set<String> seen = new HashSet<>();

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
    if (!seen.add(line + ":" + column + ":" + path + ":" + message)) {
      return;
    }
    count++;
    if (found.size() < LISTED) {
      found.add(
          new RunbookProblem(
              source,
              line,
              column,
              Excerpt.middle(path, MAX_PATH),
              Excerpt.middle(message, MAX_MESSAGE)));
    }
  }

  int count() {
    return count;
  }

  /** Whether problems were added since {@code mark}, an earlier {@link #count()}. */
  boolean since(int mark) {
    return count > mark;
  }

  /**
   * Every listed problem, in the order a reader of the file meets them (stable for equal places),
   * then how many more there are when some were not listed.
   */
  List<RunbookProblem> inTextOrder() {
    List<RunbookProblem> ordered = new ArrayList<>(found.stream().sorted(IN_TEXT_ORDER).toList());
    if (count > found.size()) {
      ordered.add(
          new RunbookProblem(
              source,
              0,
              0,
              "",
              (count - found.size()) + " more problems not listed; fix these and check again"));
    }
    return ordered;
  }
}
