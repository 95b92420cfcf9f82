package dev.lifeboat.activities.notify;

/**
 * A mistake in a notification template, as FreeMarker reports it.
 *
 * @param line 1-based line in the template; 0 when FreeMarker does not say
 * @param column 1-based column in that line; 0 when FreeMarker does not say
 * @param message what is wrong, in one line, without FreeMarker's tips and without the position
 */
public record TemplateProblem(int line, int column, String message) {
  /** "line 2, column 5", or nothing when the position is unknown. */
  public String where() {
    return line == 0 ? "" : "line " + line + ", column " + column;
  }
}
