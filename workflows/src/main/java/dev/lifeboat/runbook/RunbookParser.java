package dev.lifeboat.runbook;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads runbook YAML into a {@link Runbook}, reporting every problem at once with file, line,
 * column and field path. Stateless and thread-safe.
 */
public final class RunbookParser {
  private final Optional<Set<String>> knownHosts;
  private final Optional<Set<String>> knownServers;

  /** A parser that does not check command steps' host names (e.g. {@code lifeboat check}). */
  public RunbookParser() {
    this.knownHosts = Optional.empty();
    this.knownServers = Optional.empty();
  }

  /**
   * A parser that reports a command step naming a host outside {@code knownHosts} as a problem with
   * its file and line, so a typo is found when the plan loads rather than mid-run.
   */
  public RunbookParser(Set<String> knownHosts) {
    this.knownHosts = Optional.of(Set.copyOf(knownHosts));
    this.knownServers = Optional.empty();
  }

  /**
   * A parser that also reports a failover's {@code promote} naming a PostgreSQL server outside
   * {@code knownServers}: found when the plan loads or launches, not after the old primary was
   * already fenced.
   */
  public RunbookParser(Set<String> knownHosts, Set<String> knownServers) {
    this.knownHosts = Optional.of(Set.copyOf(knownHosts));
    this.knownServers = Optional.of(Set.copyOf(knownServers));
  }

  /**
   * Parses and validates a runbook as written: {@code ${...}} references stay in the text fields.
   * Used by {@code lifeboat check} and when the app loads {@code runbooks/}.
   */
  public ParseResult parse(String source, String text) {
    return read(source, text, Optional.empty());
  }

  /**
   * Parses, validates, checks the launch values against the plan's params (required given, unknown
   * rejected, types checked, defaults applied) and substitutes every reference. The result is what
   * a run executes. Notify messages are left as written: the notify activity renders them with the
   * run's data when it sends them.
   */
  public ParseResult resolve(String source, String text, RunBindings bindings) {
    return read(source, text, Optional.of(Objects.requireNonNull(bindings, "bindings")));
  }

  private ParseResult read(String source, String text, Optional<RunBindings> bindings) {
    Problems problems = new Problems(Objects.requireNonNull(source, "source"));
    Optional<RunbookReader.Reading> reading =
        new YamlDocument(problems)
            .compose(Objects.requireNonNull(text, "text"))
            .map(
                root -> new RunbookReader(problems, bindings, knownHosts, knownServers).read(root));
    if (problems.count() > 0 || reading.isEmpty()) {
      return ParseResult.failed(problems.inTextOrder());
    }
    return new ParseResult(reading.get().runbook(), reading.get().params(), problems.inTextOrder());
  }
}
