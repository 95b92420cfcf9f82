package dev.lifeboat.runbook;

import java.util.HashMap;
import java.util.Map;
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
  private final Map<String, String> hostSites;
  private final Optional<DrillGuard> drillRule;
  private final boolean noSmtp;

  /** A parser that does not check command steps' host names (e.g. {@code lifeboat check}). */
  public RunbookParser() {
    this(Optional.empty(), Optional.empty(), Map.of(), Optional.empty(), false);
  }

  /**
   * A parser that reports a command step naming a host outside {@code knownHosts} as a problem with
   * its file and line, so a typo is found when the plan loads rather than mid-run.
   */
  public RunbookParser(Set<String> knownHosts) {
    this(Optional.of(Set.copyOf(knownHosts)), Optional.empty(), Map.of(), Optional.empty(), false);
  }

  /**
   * A parser that also reports a failover's {@code promote} naming a PostgreSQL server outside
   * {@code knownServers}: found when the plan loads or launches, not after the old primary was
   * already fenced.
   */
  public RunbookParser(Set<String> knownHosts, Set<String> knownServers) {
    this(
        Optional.of(Set.copyOf(knownHosts)),
        Optional.of(Set.copyOf(knownServers)),
        Map.of(),
        Optional.empty(),
        false);
  }

  /**
   * A parser that checks hosts and servers as {@link #RunbookParser(Set, Set)} does, and also gives
   * a step without its own {@code site:} the configured site of the host it names.
   *
   * @param hostSites every configured host's name and its site, if it has one
   */
  public RunbookParser(Map<String, Optional<String>> hostSites, Set<String> knownServers) {
    this(
        Optional.of(Set.copyOf(hostSites.keySet())),
        Optional.of(Set.copyOf(knownServers)),
        sitesOf(hostSites),
        Optional.empty(),
        false);
  }

  private RunbookParser(
      Optional<Set<String>> knownHosts,
      Optional<Set<String>> knownServers,
      Map<String, String> hostSites,
      Optional<DrillGuard> drillRule,
      boolean noSmtp) {
    this.noSmtp = noSmtp;
    this.knownHosts = knownHosts;
    this.knownServers = knownServers;
    this.hostSites = hostSites;
    this.drillRule = drillRule;
  }

  /**
   * This parser, also holding plans to the drill rule when they load ({@link #parse}): a step that
   * would act on production in a drill ({@link DrillGuard}) must say what it does in one ({@code
   * drill:} overrides, {@code modes:} without drill, or {@code drill: as-is}), else the plan has a
   * problem at the step. A host or server given as {@code ${params.…}} is only known at launch,
   * where the launcher judges the resolved plan again.
   */
  public RunbookParser withDrillRule(ProductionTargets production) {
    return new RunbookParser(
        knownHosts, knownServers, hostSites, Optional.of(new DrillGuard(production)), noSmtp);
  }

  /**
   * This parser, also reporting a {@code channel: email} step as a problem at its {@code channel}
   * when {@code smtpConfigured} is false: the server has no {@code smtp:} to send it through, so
   * the plan would fail at that step.
   */
  public RunbookParser withSmtp(boolean smtpConfigured) {
    return new RunbookParser(knownHosts, knownServers, hostSites, drillRule, !smtpConfigured);
  }

  private static Map<String, String> sitesOf(Map<String, Optional<String>> hostSites) {
    Map<String, String> sites = new HashMap<>();
    hostSites.forEach((host, site) -> site.ifPresent(s -> sites.put(host, s)));
    return Map.copyOf(sites);
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
                root ->
                    new RunbookReader(
                            problems,
                            bindings,
                            knownHosts,
                            knownServers,
                            hostSites,
                            drillRule,
                            noSmtp)
                        .read(root));
    if (problems.count() > 0 || reading.isEmpty()) {
      return ParseResult.failed(problems.inTextOrder());
    }
    return new ParseResult(reading.get().runbook(), reading.get().params(), problems.inTextOrder());
  }
}
