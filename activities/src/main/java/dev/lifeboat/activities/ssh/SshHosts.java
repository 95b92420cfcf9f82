package dev.lifeboat.activities.ssh;

import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.StepFailures;
import java.util.Optional;
import java.util.Set;

/** The hosts runbook steps may run commands on, by the name runbooks use. */
public interface SshHosts {
  Optional<SshHost> find(String name);

  Set<String> names();

  /**
   * The host called {@code name}, or a non-retryable {@code BAD_INPUT} failure listing the
   * configured ones: a step naming a host the worker does not know can never succeed here.
   */
  default SshHost require(String name) {
    return find(name)
        .orElseThrow(
            () ->
                StepFailures.of(
                    StepFailureType.BAD_INPUT,
                    "unknown host '"
                        + name
                        + "'; configured hosts: "
                        + (names().isEmpty() ? "(none)" : String.join(", ", names()))));
  }
}
