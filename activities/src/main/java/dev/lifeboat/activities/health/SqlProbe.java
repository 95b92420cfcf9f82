package dev.lifeboat.activities.health;

import java.util.Objects;

/**
 * Healthy when {@code query} returns one row whose first column, as text, equals {@code expect}.
 */
public record SqlProbe(String server, String database, String query, String expect) {
  public SqlProbe {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(query, "query");
  }
}
