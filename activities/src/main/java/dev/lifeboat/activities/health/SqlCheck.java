package dev.lifeboat.activities.health;

import static dev.lifeboat.activities.health.TcpCheck.millisSince;

import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.StepFailures;
import dev.lifeboat.activities.postgres.DatabaseNames;
import dev.lifeboat.activities.postgres.PostgresConnections;
import dev.lifeboat.activities.postgres.PostgresServer;
import dev.lifeboat.activities.postgres.PostgresServers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;

/** Healthy when the query runs and, if an expected value is given, its first value equals it. */
final class SqlCheck implements Check {
  private static final int QUERY_TIMEOUT_SECONDS = 30;
  private static final String INVALID_CREDENTIALS = "28";
  private static final String SYNTAX_OR_ACCESS_RULE = "42601";

  private final SqlProbe probe;
  private final PostgresServer server;

  SqlCheck(PostgresServers servers, SqlProbe probe) {
    this.probe = probe;
    this.server =
        servers
            .find(probe.server())
            .orElseThrow(
                () ->
                    StepFailures.of(
                        StepFailureType.BAD_INPUT,
                        "unknown server '"
                            + probe.server()
                            + "'; configured servers: "
                            + String.join(", ", servers.names())));
    DatabaseNames.requireSafe(probe.database());
  }

  @Override
  public Observation probe() {
    long started = System.nanoTime();
    try (Connection c = PostgresConnections.open(server, probe.database());
        Statement s = c.createStatement()) {
      s.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
      String value;
      try (ResultSet rs = s.executeQuery(probe.query())) {
        value = rs.next() ? rs.getString(1) : null;
      }
      long latency = millisSince(started);
      String shown = value == null ? "no value" : "'" + value + "'";
      if (probe.expect() == null || Objects.equals(probe.expect(), value)) {
        return Observation.healthy(value == null ? "" : value, latency);
      }
      return Observation.unhealthy(
          shown, "expected '" + probe.expect() + "', got " + shown, latency);
    } catch (SQLException e) {
      return failed(e, millisSince(started));
    }
  }

  private Observation failed(SQLException e, long latency) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (state.startsWith(INVALID_CREDENTIALS)) {
      throw PostgresConnections.failure("logging in for a health check", server, e);
    }
    if (state.equals(SYNTAX_OR_ACCESS_RULE)) {
      throw StepFailures.of(
          StepFailureType.BAD_INPUT,
          describe() + ": the query is not valid SQL: " + e.getMessage());
    }
    if (PostgresConnections.isUnreachable(e)) {
      return Observation.unreachable("cannot connect: " + e.getMessage(), latency);
    }
    // Other errors (a missing table mid-restore, a missing database) may clear up: keep polling.
    return Observation.unhealthy("error", "query failed: " + e.getMessage(), latency);
  }

  @Override
  public String describe() {
    String query = probe.query().replaceAll("\\s+", " ").strip();
    query = query.length() > 60 ? query.substring(0, 60) + "…" : query;
    return query + " on " + probe.server() + "/" + probe.database();
  }
}
