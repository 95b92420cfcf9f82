package dev.lifeboat.activities.postgres;

import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.StepFailures;
import java.util.Optional;
import java.util.Set;

/** The PostgreSQL servers runbook steps may act on, by the name runbooks use. */
public interface PostgresServers {
  Optional<PostgresServer> find(String name);

  Set<String> names();

  /** The server named {@code name}; fails with BAD_INPUT naming the configured ones if none. */
  default PostgresServer require(String name) {
    return find(name)
        .orElseThrow(
            () ->
                StepFailures.of(
                    StepFailureType.BAD_INPUT,
                    "unknown server '"
                        + name
                        + "'; configured servers: "
                        + (names().isEmpty() ? "(none)" : String.join(", ", names()))));
  }
}
