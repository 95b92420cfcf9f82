package dev.lifeboat.activities.ssh;

import java.util.Optional;
import java.util.Set;

/** The hosts runbook steps may run commands on, by the name runbooks use. */
public interface SshHosts {
  Optional<SshHost> find(String name);

  Set<String> names();
}
