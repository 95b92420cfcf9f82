package dev.lifeboat.app.store;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.Set;
import org.apache.tomcat.jdbc.pool.PoolExhaustedException;

/**
 * The record (Lifeboat's PostgreSQL) cannot be reached just now: the server is down, restarting,
 * refusing connections, or the connection pool timed out waiting for one. Nothing about the request
 * was wrong; asking again later may work. Other failures of the database (a constraint, a bad
 * statement) are not this.
 */
public final class RecordUnavailable extends RuntimeException {
  /** PostgreSQL's shutdown and start-up states; class 08 (connection exceptions) counts as well. */
  private static final Set<String> UNAVAILABLE_STATES =
      Set.of(
          "57P01", // admin_shutdown: the server is stopping
          "57P02", // crash_shutdown
          "57P03", // cannot_connect_now: the server is starting
          "53300"); // too_many_connections

  public RecordUnavailable(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * {@code failure} as a record outage when anything in its cause chain says the database could not
   * be reached; empty for every other failure.
   */
  public static Optional<RecordUnavailable> in(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof RecordUnavailable unavailable) {
        return Optional.of(unavailable);
      }
      if (isOutage(cause)) {
        return Optional.of(
            new RecordUnavailable("the record cannot be reached: " + cause.getMessage(), failure));
      }
    }
    return Optional.empty();
  }

  private static boolean isOutage(Throwable cause) {
    // The pool waited its maxWaitForConnection and got no connection.
    if (cause instanceof PoolExhaustedException
        || cause instanceof SQLTransientConnectionException) {
      return true;
    }
    if (cause instanceof SQLException sql && sql.getSQLState() != null) {
      String state = sql.getSQLState();
      return state.startsWith("08") || UNAVAILABLE_STATES.contains(state);
    }
    return false;
  }
}
