package dev.lifeboat.activities.health;

import dev.lifeboat.activities.postgres.SqlBind;
import java.util.List;
import java.util.Objects;

/**
 * Healthy when {@code query} runs and, with {@code expect}, its first value as text equals it; or,
 * with {@code expectSameAs}, its result set equals that query's result on another server.
 *
 * @param query the query; {@code $1 … $n} in it stand for {@code binds}
 * @param binds the values of the query's placeholders, in order: launch values and run values
 *     travel as bind parameters, never as SQL text. Absent in older histories (whose queries had
 *     their values pasted in).
 * @param expectSameAs the query whose result this one must equal, e.g. the same count on
 *     production; null when not comparing. Absent in older histories.
 * @param tolerance how far a single numeric value may differ from {@code expectSameAs}'s; null for
 *     none. Absent in older histories.
 */
public record SqlProbe(
    String server,
    String database,
    String query,
    String expect,
    List<SqlBind> binds,
    SqlQuery expectSameAs,
    Tolerance tolerance) {
  public SqlProbe {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(query, "query");
    binds = binds == null ? List.of() : List.copyOf(binds);
    if (expect != null && expectSameAs != null) {
      throw new IllegalArgumentException("expect and expectSameAs exclude each other");
    }
    if (tolerance != null && expectSameAs == null) {
      throw new IllegalArgumentException("a tolerance needs expectSameAs");
    }
  }

  /** A query without bound values, compared with {@code expect} (or only run). */
  public SqlProbe(String server, String database, String query, String expect) {
    this(server, database, query, expect, List.of(), null, null);
  }

  /** The probed query itself, as a {@link SqlQuery}. */
  SqlQuery probed() {
    return new SqlQuery(server, database, query, binds);
  }
}
