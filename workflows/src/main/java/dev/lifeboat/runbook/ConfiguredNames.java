package dev.lifeboat.runbook;

import java.util.Optional;
import java.util.Set;

/**
 * Names a runbook uses for things only the configuration defines (SSH hosts, PostgreSQL servers). A
 * name written out must be configured, so a typo is found when the plan loads; a name with a
 * reference in it is checked when a run resolves it.
 *
 * @param what e.g. {@code host}, for "unknown host 'x'"
 * @param plural e.g. {@code hosts}, for "configured hosts: a, b"
 * @param none what to say when nothing is configured
 */
record ConfiguredNames(String what, String plural, String none) {
  static final ConfiguredNames HOSTS =
      new ConfiguredNames("host", "hosts", "no hosts are configured (hosts in config.yml)");
  static final ConfiguredNames SERVERS =
      new ConfiguredNames(
          "PostgreSQL server",
          "servers",
          "no PostgreSQL servers are configured (postgresServers in config.yml)");

  /** The field's text with its references checked (substituted when launching), and checked. */
  Optional<String> read(Field field, References references, Optional<Set<String>> known) {
    Optional<String> name = references.text(field);
    name.ifPresent(n -> check(field, n, known));
    return name;
  }

  /** Reports {@code name} at {@code field} unless it is configured or {@code known} is empty. */
  void check(Field field, String name, Optional<Set<String>> known) {
    if (name.contains("${")) {
      return; // a reference: checked when the run resolves it
    }
    known
        .filter(names -> !names.contains(name))
        .ifPresent(
            names ->
                field.fail(
                    "unknown "
                        + what
                        + " '"
                        + name
                        + "'"
                        + Suggestions.closest(name, names)
                            .map(match -> "; did you mean '" + match + "'?")
                            .orElseGet(
                                () ->
                                    names.isEmpty()
                                        ? "; " + none
                                        : "; configured "
                                            + plural
                                            + ": "
                                            + String.join(
                                                ", ", names.stream().sorted().toList()))));
  }
}
