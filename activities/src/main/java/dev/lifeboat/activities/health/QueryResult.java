package dev.lifeboat.activities.health;

import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.StepFailures;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A query's result set as text, bounded: comparing two result sets holds both in memory, so a query
 * returning more than {@link #MAX_ROWS} rows or {@link #MAX_CHARS} characters is refused (an
 * aggregate such as {@code count(*)} or {@code md5(string_agg(…))} compares the same thing).
 *
 * @param rows each row's values as PostgreSQL's text; null for SQL NULL
 */
record QueryResult(List<String> columns, List<List<String>> rows) {
  static final int MAX_ROWS = 1000;
  static final int MAX_CHARS = 1_000_000;

  static QueryResult read(ResultSet rs, String describe) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    List<String> columns = new ArrayList<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      columns.add(meta.getColumnLabel(i));
    }
    List<List<String>> rows = new ArrayList<>();
    long chars = 0;
    while (rs.next()) {
      if (rows.size() == MAX_ROWS) {
        throw tooLarge(describe, "more than " + MAX_ROWS + " rows");
      }
      List<String> row = new ArrayList<>(columns.size());
      for (int i = 1; i <= columns.size(); i++) {
        String value = rs.getString(i);
        chars += value == null ? 0 : value.length();
        row.add(value);
      }
      if (chars > MAX_CHARS) {
        throw tooLarge(describe, "more than " + MAX_CHARS + " characters");
      }
      rows.add(row);
    }
    return new QueryResult(List.copyOf(columns), rows);
  }

  /** The one value of a one-row, one-column result; null otherwise or for SQL NULL. */
  String single() {
    return rows.size() == 1 && columns.size() == 1 ? rows.get(0).get(0) : null;
  }

  /** For observations: the single value, else the row count. */
  String summary() {
    if (rows.size() == 1 && columns.size() == 1) {
      String value = rows.get(0).get(0);
      return value == null ? "NULL" : Excerpts.cut(value);
    }
    return rows.size() + (rows.size() == 1 ? " row" : " rows");
  }

  private static RuntimeException tooLarge(String describe, String what) {
    return StepFailures.of(
        StepFailureType.BAD_INPUT,
        describe
            + ": the result has "
            + what
            + ", too many to compare; compare an aggregate instead, e.g. count(*) or"
            + " md5(string_agg(t::text, ',' ORDER BY id))");
  }
}
