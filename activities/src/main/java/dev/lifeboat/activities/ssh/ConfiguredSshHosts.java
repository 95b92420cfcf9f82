package dev.lifeboat.activities.ssh;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The hosts named in Lifeboat's configuration; fixed for the life of the worker. */
public final class ConfiguredSshHosts implements SshHosts {
  private final Map<String, SshHost> hosts;

  public ConfiguredSshHosts(Map<String, SshHost> hosts) {
    // Sorted so that "configured hosts: a, b" messages read the same every time.
    this.hosts = Collections.unmodifiableMap(new TreeMap<>(hosts));
  }

  @Override
  public Optional<SshHost> find(String name) {
    return Optional.ofNullable(hosts.get(name));
  }

  @Override
  public Set<String> names() {
    return hosts.keySet();
  }
}
