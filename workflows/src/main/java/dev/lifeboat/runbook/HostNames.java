package dev.lifeboat.runbook;

import java.util.Optional;
import java.util.Set;

/**
 * The {@code host} fields of steps that run on a configured SSH host (command, verify-backup,
 * restore-data, the ssh probe of health-check): a host written out must be one the worker's
 * configuration knows, so a typo is found when the plan loads rather than mid-run.
 */
final class HostNames {
  private HostNames() {}

  /** The field's text with its references checked (substituted when launching), and the host. */
  static Optional<String> read(Field field, References references, Optional<Set<String>> known) {
    Optional<String> name = references.text(field);
    name.ifPresent(n -> check(field, n, known));
    return name;
  }

  private static void check(Field field, String name, Optional<Set<String>> knownHosts) {
    if (name.contains("${")) {
      return; // a reference: checked when the run resolves it
    }
    knownHosts
        .filter(known -> !known.contains(name))
        .ifPresent(
            known ->
                field.fail(
                    "unknown host '"
                        + name
                        + "'"
                        + Suggestions.closest(name, known)
                            .map(match -> "; did you mean '" + match + "'?")
                            .orElseGet(
                                () ->
                                    known.isEmpty()
                                        ? "; no hosts are configured (hosts in config.yml)"
                                        : "; configured hosts: "
                                            + String.join(
                                                ", ", known.stream().sorted().toList()))));
  }
}
