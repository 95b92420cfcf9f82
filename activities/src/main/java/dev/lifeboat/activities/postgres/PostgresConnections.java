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

  /** The failure for an SQL error while talking to {@code server} about {@code what}. */
  public static ApplicationFailure failure(String what, PostgresServer server, SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    StepFailureType type =
        isUnreachable(e)
            ? StepFailureType.UNAVAILABLE
            : state.startsWith("28") ? StepFailureType.BAD_CONFIG : StepFailureType.CHECK_FAILED;
    return StepFailures.of(
        type,
        what + " on " + server.host() + ":" + server.port() + " failed: " + e.getMessage(),
        e);
  }
}
