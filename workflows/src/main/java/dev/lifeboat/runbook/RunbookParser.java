package dev.lifeboat.runbook;

/**
 * Reads runbook YAML into a {@link Runbook}, reporting every problem at once with file, line,
 * column and field path. Stateless and thread-safe.
 */
public final class RunbookParser {

  /**
   * Parses and validates a runbook as written: {@code ${...}} references stay in the text fields.
   * Used by {@code lifeboat check} and when the app loads {@code runbooks/}.
   */
  public ParseResult parse(String source, String text) {
    throw new UnsupportedOperationException("not yet written");
  }

  /**
   * Parses, validates, checks the launch values against the plan's params (required given, unknown
   * rejected, types checked, defaults applied) and substitutes every reference. The result is what
   * a run executes.
   */
  public ParseResult resolve(String source, String text, RunBindings bindings) {
    throw new UnsupportedOperationException("not yet written");
  }
}
