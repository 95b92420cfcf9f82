package dev.lifeboat.activities.postgres;

import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.StepFailures;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The database names runbooks may use. CREATE DATABASE and COMMENT ON DATABASE cannot take bind
 * parameters, and names also end up in JDBC URLs and tool arguments, so a name must be both
 * validated against a narrow alphabet and quoted wherever it meets SQL. Runbooks are checked with
 * {@link #problemWith} when they load or launch; activities check again with {@link #requireSafe}.
 */
public final class DatabaseNames {
  /** What a database name may hold, for messages. */
  public static final String RULE = "use only letters, digits, _ and -";

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-]+");
  private static final int MAX_BYTES = 63; // PostgreSQL's NAMEDATALEN - 1
  private static final int SHOWN =
      40; // of a rejected name, so a hostile one cannot flood a message

  private DatabaseNames() {}

  /** Why {@code name} is not a safe database name, or empty when it is. */
  public static Optional<String> problemWith(String name) {
    if (name == null || !SAFE.matcher(name).matches()) {
      return Optional.of("database name " + shown(name) + " is not allowed: " + RULE);
    }
    if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      return Optional.of(
          "database name " + shown(name) + " is longer than PostgreSQL's limit of 63 bytes");
    }
    return Optional.empty();
  }

  /** Returns {@code name} when it is safe, else fails with BAD_INPUT saying what is allowed. */
  public static String requireSafe(String name) {
    problemWith(name)
        .ifPresent(
            problem -> {
              throw StepFailures.of(StepFailureType.BAD_INPUT, problem);
            });
    return name;
  }

  /** The name as a quoted SQL identifier; only called on names that passed {@link #requireSafe}. */
  public static String quoted(String safeName) {
    return '"' + requireSafe(safeName).replace("\"", "\"\"") + '"';
  }

  private static String shown(String name) {
    if (name == null) {
      return "(none)";
    }
    return "'"
        + (name.length() > SHOWN
            ? name.substring(0, SHOWN) + "…' (" + name.length() + " characters)"
            : name + "'");
  }
}
