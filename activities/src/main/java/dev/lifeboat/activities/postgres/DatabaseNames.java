package dev.lifeboat.activities.postgres;

import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.StepFailures;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The database names runbooks may use. CREATE DATABASE and COMMENT ON DATABASE cannot take bind
 * parameters, and names also end up in JDBC URLs and tool arguments, so a name must be both
 * validated against a narrow alphabet and quoted wherever it meets SQL.
 */
public final class DatabaseNames {
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-]+");
  private static final int MAX_BYTES = 63; // PostgreSQL's NAMEDATALEN - 1

  private DatabaseNames() {}

  /** Returns {@code name} when it is safe, else fails with BAD_INPUT saying what is allowed. */
  public static String requireSafe(String name) {
    if (name == null || !SAFE.matcher(name).matches()) {
      throw StepFailures.of(
          StepFailureType.BAD_INPUT,
          "database name '" + name + "' is not allowed: use only letters, digits, _ and -");
    }
    if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw StepFailures.of(
          StepFailureType.BAD_INPUT,
          "database name '" + name + "' is longer than PostgreSQL's limit of 63 bytes");
    }
    return name;
  }

  /** The name as a quoted SQL identifier; only called on names that passed {@link #requireSafe}. */
  public static String quoted(String safeName) {
    return '"' + requireSafe(safeName).replace("\"", "\"\"") + '"';
  }
}
