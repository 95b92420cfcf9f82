package dev.lifeboat.activities.postgres;

import java.util.Optional;
import java.util.Set;

/** The PostgreSQL servers runbook steps may act on, by the name runbooks use. */
public interface PostgresServers {
  Optional<PostgresServer> find(String name);

  Set<String> names();
}
