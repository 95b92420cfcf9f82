package dev.lifeboat.activities.postgres;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The servers named in Lifeboat's configuration; fixed for the life of the worker. */
public final class ConfiguredPostgresServers implements PostgresServers {
  private final Map<String, PostgresServer> servers;

  public ConfiguredPostgresServers(Map<String, PostgresServer> servers) {
    // Sorted so that "configured servers: a, b" messages read the same every time.
    this.servers = Collections.unmodifiableMap(new TreeMap<>(servers));
  }

  @Override
  public Optional<PostgresServer> find(String name) {
    return Optional.ofNullable(servers.get(name));
  }

  @Override
  public Set<String> names() {
    return servers.keySet();
  }
}
