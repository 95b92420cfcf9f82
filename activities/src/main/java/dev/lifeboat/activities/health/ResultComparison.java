package dev.lifeboat.activities.health;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares a probed result set with its source's: the same columns (by name, except where
 * PostgreSQL names an expression {@code ?column?}), and the same rows in any order (as a multiset:
 * ORDER BY only decides which rows a LIMIT keeps). A tolerance lets a single numeric value differ,
 * for counts taken while production keeps writing.
 */
final class ResultComparison {
  private static final String UNNAMED = "?column?";

  private ResultComparison() {}

  /** What differs, for the observation; empty when the results are the same. */
  static Optional<String> difference(QueryResult probed, QueryResult source, Tolerance tolerance) {
    if (!sameColumns(probed.columns(), source.columns())) {
      return Optional.of(
          "columns " + columns(probed) + " here, " + columns(source) + " in the source");
    }
    String value = probed.single();
    String expected = source.single();
    if (value != null && expected != null) {
      return singleValue(value, expected, tolerance);
    }
    return rows(probed.rows(), source.rows(), tolerance);
  }

  private static Optional<String> singleValue(String value, String expected, Tolerance tolerance) {
    if (value.equals(expected)) {
      return Optional.empty();
    }
    Optional<BigDecimal> got = number(value);
    Optional<BigDecimal> want = number(expected);
    if (tolerance != null && got.isPresent() && want.isPresent()) {
      BigDecimal allowed = tolerance.allowedFrom(want.get());
      if (got.get().subtract(want.get()).abs().compareTo(allowed) <= 0) {
        return Optional.empty();
      }
      return Optional.of(
          "got "
              + Excerpts.cut(value)
              + ", the source has "
              + Excerpts.cut(expected)
              + " (tolerance "
              + tolerance
              + (tolerance.percent() ? " = " + allowed.stripTrailingZeros().toPlainString() : "")
              + ")");
    }
    return Optional.of(
        "got '"
            + Excerpts.cut(value)
            + "', the source has '"
            + Excerpts.cut(expected)
            + "'"
            + (tolerance == null ? "" : " (a tolerance applies only to numbers)"));
  }

  private static Optional<String> rows(
      List<List<String>> probed, List<List<String>> source, Tolerance tolerance) {
    Map<List<String>, Integer> unmatched = new HashMap<>();
    source.forEach(row -> unmatched.merge(row, 1, Integer::sum));
    List<List<String>> extra = new ArrayList<>();
    for (List<String> row : probed) {
      if (unmatched.merge(row, -1, Integer::sum) < 0) {
        extra.add(row);
      }
    }
    Optional<List<String>> missing =
        source.stream().filter(row -> unmatched.getOrDefault(row, 0) > 0).findFirst();
    if (extra.isEmpty() && missing.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder message =
        new StringBuilder().append(probed.size()).append(" rows here, ").append(source.size());
    message.append(" in the source");
    missing.ifPresent(row -> message.append("; only in the source: ").append(row(row)));
    if (!extra.isEmpty()) {
      message.append("; only here: ").append(row(extra.get(0)));
    }
    if (tolerance != null) {
      message.append(" (a tolerance applies only to a single value)");
    }
    return Optional.of(message.toString());
  }

  /** The same names, where both have one: PostgreSQL calls an unnamed expression ?column?. */
  private static boolean sameColumns(List<String> probed, List<String> source) {
    if (probed.size() != source.size()) {
      return false;
    }
    for (int i = 0; i < probed.size(); i++) {
      String a = probed.get(i);
      String b = source.get(i);
      if (!a.equals(b) && !a.equals(UNNAMED) && !b.equals(UNNAMED)) {
        return false;
      }
    }
    return true;
  }

  private static Optional<BigDecimal> number(String text) {
    try {
      return Optional.of(new BigDecimal(text.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String columns(QueryResult result) {
    return "(" + String.join(", ", result.columns()) + ")";
  }

  private static String row(List<String> row) {
    return Excerpts.cut(
        "(" + String.join(", ", row.stream().map(v -> v == null ? "NULL" : v).toList()) + ")");
  }
}
