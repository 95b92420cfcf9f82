package dev.lifeboat.activities.health;

import dev.lifeboat.activities.postgres.SqlBind;
import java.util.List;
import java.util.Objects;

/**
 * A query on a database of a configured server, as a health check's {@code expect_same_as}: the
 * result the probed query must equal.
 *
 * @param query the query; {@code $1 … $n} in it stand for {@code binds}
 */
public record SqlQuery(String server, String database, String query, List<SqlBind> binds) {
  public SqlQuery {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(query, "query");
    binds = binds == null ? List.of() : List.copyOf(binds);
  }

  /** For messages: the query on one line, cut, and where it runs. */
  String describe() {
    String flat = query.replaceAll("\\s+", " ").strip();
    flat = flat.length() > 60 ? flat.substring(0, 60) + "…" : flat;
    return flat + " on " + server + "/" + database;
  }
}
