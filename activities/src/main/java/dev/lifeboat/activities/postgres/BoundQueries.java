package dev.lifeboat.activities.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.postgresql.util.PGInterval;

/**
 * Runs a query whose values travel as bind parameters: {@code $1 … $n} in its text stand for {@code
 * binds}, so a value, however hostile, reaches PostgreSQL as data and never as SQL.
 */
public final class BoundQueries {
  /** What to make of the result, read while the statement is open. */
  @FunctionalInterface
  public interface Reader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private BoundQueries() {}

  /**
   * Runs {@code query} with {@code binds}. Without binds it runs as written, as a plain statement
   * (so an operator such as jsonb's {@code ?} keeps its meaning).
   */
  public static <T> T query(
      Connection c, String query, List<SqlBind> binds, int timeoutSeconds, Reader<T> reader)
      throws SQLException {
    if (binds.isEmpty()) {
      try (Statement s = c.createStatement()) {
        s.setQueryTimeout(timeoutSeconds);
        try (ResultSet rs = s.executeQuery(query)) {
          return reader.read(rs);
        }
      }
    }
    List<SqlBind> order = new ArrayList<>();
    String jdbc = jdbcText(query, binds, order);
    try (PreparedStatement s = c.prepareStatement(jdbc)) {
      s.setQueryTimeout(timeoutSeconds);
      for (int i = 0; i < order.size(); i++) {
        bind(s, i + 1, order.get(i));
      }
      try (ResultSet rs = s.executeQuery()) {
        return reader.read(rs);
      }
    }
  }

  /**
   * Runs {@code statement} with {@code binds} for its effect, telling {@code started} the JDBC
   * statement before it runs (so another thread may cancel it), and returns the rows it changed or
   * returned, or -1 when it says none (DDL). Without binds it runs as written.
   */
  public static long execute(
      Connection c, String statement, List<SqlBind> binds, Consumer<Statement> started)
      throws SQLException {
    if (binds.isEmpty()) {
      try (Statement s = c.createStatement()) {
        started.accept(s);
        s.execute(statement);
        return s.getUpdateCount();
      }
    }
    List<SqlBind> order = new ArrayList<>();
    String jdbc = jdbcText(statement, binds, order);
    try (PreparedStatement s = c.prepareStatement(jdbc)) {
      for (int i = 0; i < order.size(); i++) {
        bind(s, i + 1, order.get(i));
      }
      started.accept(s);
      s.execute();
      return s.getUpdateCount();
    }
  }

  /**
   * The query in JDBC's spelling: each {@code $n} in code becomes {@code ?} (its value appended to
   * {@code order}, once per use), and a {@code ?} of the author's becomes {@code ??}, JDBC's escape
   * for a literal question mark.
   */
  static String jdbcText(String query, List<SqlBind> binds, List<SqlBind> order) {
    SqlCode code = SqlCode.of(query);
    StringBuilder out = new StringBuilder(query.length());
    int i = 0;
    while (i < query.length()) {
      char c = query.charAt(i);
      boolean inCode = code.at(i) == SqlCode.Kind.CODE;
      if (inCode && c == '?') {
        out.append("??");
        i++;
      } else if (inCode && c == '$' && i + 1 < query.length() && isDigit(query.charAt(i + 1))) {
        int end = i + 1;
        while (end < query.length() && isDigit(query.charAt(end))) {
          end++;
        }
        int n = Integer.parseInt(query.substring(i + 1, Math.min(end, i + 10)));
        if (n < 1 || n > binds.size()) {
          throw new IllegalArgumentException(
              "$" + n + " has no value: the query has " + binds.size() + " bound values");
        }
        order.add(binds.get(n - 1));
        out.append('?');
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static void bind(PreparedStatement s, int index, SqlBind bind) throws SQLException {
    String value = bind.value();
    switch (bind.type()) {
      case TEXT -> s.setString(index, value);
      case BIGINT -> {
        if (value == null) {
          s.setNull(index, Types.BIGINT);
        } else {
          s.setLong(index, Long.parseLong(value));
        }
      }
      case BOOLEAN -> {
        if (value == null) {
          s.setNull(index, Types.BOOLEAN);
        } else {
          s.setBoolean(index, Boolean.parseBoolean(value));
        }
      }
      case INTERVAL -> {
        if (value == null) {
          s.setNull(index, Types.OTHER);
        } else {
          s.setObject(index, interval(Duration.parse(value)));
        }
      }
    }
  }

  private static PGInterval interval(Duration duration) {
    return new PGInterval(
        0,
        0,
        (int) duration.toDays(),
        duration.toHoursPart(),
        duration.toMinutesPart(),
        duration.toSecondsPart() + duration.toNanosPart() / 1e9);
  }
}
