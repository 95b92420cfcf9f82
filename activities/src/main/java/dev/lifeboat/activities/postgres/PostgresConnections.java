package dev.lifeboat.activities.postgres;

import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.StepFailures;
import io.temporal.failure.ApplicationFailure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Opens JDBC connections to configured servers, and tells transient failures from bad config. */
public final class PostgresConnections {
  private PostgresConnections() {}

  /** A connection to {@code database}; the name must already have passed {@link DatabaseNames}. */
  public static Connection open(PostgresServer server, String database) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", server.user());
    props.setProperty("password", server.password());
    props.setProperty("connectTimeout", "10");
    props.setProperty("ApplicationName", "lifeboat");
    return DriverManager.getConnection(server.jdbcUrl(DatabaseNames.requireSafe(database)), props);
  }

  /** Whether the error means "could not reach the server right now" (worth retrying). */
  public static boolean isUnreachable(SQLException e) {
    String state = e.getSQLState();
    return state == null
        || state.startsWith("08") // connection exceptions
        || state.equals("57P03") // cannot connect now (starting up, in recovery)
        || state.equals("53300"); // too many connections
  }

  /**
   * Whether the error is one that retrying cannot fix, in Lifeboat's own fixed SQL: the login is
   * refused (class 28), a privilege, function or object is missing (class 42, e.g. 42501 for a
   * missing grant), the configured database does not exist (3D000), or the server lacks a feature
   * (class 0A). A person must change the configuration or the server.
   */
  public static boolean isDeterministic(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    return state.startsWith("28")
        || state.startsWith("42")
        || state.equals("3D000")
        || state.startsWith("0A");
  }

  /**
   * The failure for an SQL error while talking to {@code server} about {@code what}: UNAVAILABLE
   * when it could not be reached, BAD_CONFIG (not retried) when {@link #isDeterministic}, else
   * CHECK_FAILED.
   */
  public static ApplicationFailure failure(String what, PostgresServer server, SQLException e) {
    StepFailureType type =
        isUnreachable(e)
            ? StepFailureType.UNAVAILABLE
            : isDeterministic(e) ? StepFailureType.BAD_CONFIG : StepFailureType.CHECK_FAILED;
    return StepFailures.of(
        type,
        what + " on " + server.host() + ":" + server.port() + " failed: " + e.getMessage(),
        e);
  }
}
