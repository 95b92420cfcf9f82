package dev.lifeboat.activities.restore;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells, from the end of a restore tool's stderr, a failure that retrying cannot fix from one that
 * it may. A restore reads the same bytes into the same (rolled back) target on every attempt, so a
 * damaged dump, invalid data or SQL, a missing object or privilege, or a refused login fails every
 * attempt alike; a dropped connection or a server shutting down may not. What is not recognised
 * counts as retryable: in a recovery, an attempt wasted costs less than a run given up too early.
 */
final class ToolErrors {
  /**
   * psql run with {@code VERBOSITY=verbose} prints the SQLSTATE: {@code ERROR: 42601: syntax error
   * at or near ...}; pg_restore does not, so its messages are matched as well.
   */
  private static final Pattern SQLSTATE = Pattern.compile("(?:ERROR|FATAL):\\s+([0-9A-Z]{5}):");

  /**
   * Data exception (22), integrity violation (23), login refused (28), database missing (3D),
   * syntax or access rule (42, e.g. a missing table or grant), feature not supported (0A).
   */
  private static final Set<String> DETERMINISTIC_CLASSES =
      Set.of("22", "23", "28", "3D", "42", "0A");

  /** pg_restore's, gzip's and tar's words for a damaged archive, and the server's for bad SQL. */
  private static final List<String> DETERMINISTIC_TEXT =
      List.of(
          "could not uncompress data",
          "unsupported version",
          "did not find magic string",
          "does not appear to be a valid archive",
          "appears to be a text format dump",
          "could not read input file: end of file",
          "unexpected end of file",
          "invalid compressed data",
          "not in gzip format",
          "does not look like a tar archive",
          "unexpected eof in archive",
          "invalid input syntax",
          "syntax error at or near",
          "does not exist",
          "permission denied",
          "password authentication failed",
          "no pg_hba.conf entry",
          "violates");

  private ToolErrors() {}

  /** Whether {@code errors}, the end of a failed tool's stderr, says retrying cannot help. */
  static boolean retryCannotFix(String errors) {
    Matcher state = SQLSTATE.matcher(errors);
    while (state.find()) {
      String code = state.group(1);
      if (DETERMINISTIC_CLASSES.contains(code.substring(0, 2))) {
        return true;
      }
    }
    String lower = errors.toLowerCase(Locale.ROOT);
    return DETERMINISTIC_TEXT.stream().anyMatch(lower::contains);
  }
}
