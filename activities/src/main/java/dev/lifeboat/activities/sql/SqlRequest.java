package dev.lifeboat.activities.sql;

import dev.lifeboat.activities.postgres.SqlBind;
import java.util.List;
import java.util.Objects;

/**
 * One SQL statement for a configured PostgreSQL server.
 *
 * @param server the name of a configured PostgreSQL server
 * @param database the database to connect to (a checked name, see {@code DatabaseNames})
 * @param statement the statement, with {@code $1 … $n} where the runbook's references stood; names
 *     a reference supplied were checked and stand inside double quotes
 * @param binds the values of {@code $1 … $n}, sent beside the statement as data
 */
public record SqlRequest(String server, String database, String statement, List<SqlBind> binds) {
  public SqlRequest {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(statement, "statement");
    binds = binds == null ? List.of() : List.copyOf(binds);
  }

  /** The statement and where it runs, for messages: its first line, at most 80 characters. */
  public String describe() {
    String first = statement.strip().lines().findFirst().orElse("");
    String shown = first.length() > 80 ? first.substring(0, 80) + "…" : first;
    return shown + " on " + server + "/" + database;
  }
}
