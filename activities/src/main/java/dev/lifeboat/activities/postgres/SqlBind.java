package dev.lifeboat.activities.postgres;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * One value bound to a {@code $n} placeholder of a query: data, never SQL text.
 *
 * @param value the value as text: digits for BIGINT, {@code true}/{@code false} for BOOLEAN, an
 *     ISO-8601 duration ({@code PT1H30M}) for INTERVAL; null binds SQL NULL
 */
public record SqlBind(SqlType type, String value) {
  public SqlBind {
    Objects.requireNonNull(type, "type");
    if (value != null) {
      check(type, value);
    }
  }

  public static SqlBind text(String value) {
    return new SqlBind(SqlType.TEXT, value);
  }

  private static void check(SqlType type, String value) {
    boolean fits =
        switch (type) {
          case TEXT -> true;
          case BIGINT -> value.matches("-?\\d{1,18}");
          case BOOLEAN -> value.equals("true") || value.equals("false");
          case INTERVAL -> isDuration(value);
        };
    if (!fits) {
      throw new IllegalArgumentException("'" + value + "' is not a " + type + " value");
    }
  }

  private static boolean isDuration(String value) {
    try {
      Duration.parse(value);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
