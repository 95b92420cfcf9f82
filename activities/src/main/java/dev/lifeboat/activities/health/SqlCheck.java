package dev.lifeboat.activities.health;

import static dev.lifeboat.activities.health.TcpCheck.millisSince;

import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.StepFailures;
import dev.lifeboat.activities.postgres.BoundQueries;
import dev.lifeboat.activities.postgres.DatabaseNames;
import dev.lifeboat.activities.postgres.PostgresConnections;
import dev.lifeboat.activities.postgres.PostgresServer;
import dev.lifeboat.activities.postgres.PostgresServers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;

/**
 * Healthy when the query runs and, if an expected value is given, its first value equals it; or,
 * with {@code expectSameAs}, when its result set equals that query's on its server. Values reach
 * the server as bind parameters. An error in the query itself (SQLSTATE class 42: syntax, unknown
 * table or column, no privilege) or a refused login (class 28) fails at once: polling cannot fix
 * the runbook or the configuration.
 */
final class SqlCheck implements Check {
  private static final int QUERY_TIMEOUT_SECONDS = 30;
  private static final String INVALID_CREDENTIALS = "28";
  private static final String SYNTAX_OR_ACCESS_RULE = "42";
  private static final String INSUFFICIENT_PRIVILEGE = "42501";

  private final SqlProbe probe;
  private final PostgresServer server;
  private final PostgresServer sourceServer;

  SqlCheck(PostgresServers servers, SqlProbe probe) {
    this.probe = probe;
    this.server = servers.require(probe.server());
    DatabaseNames.requireSafe(probe.database());
    SqlQuery source = probe.expectSameAs();
    this.sourceServer = source == null ? null : servers.require(source.server());
    if (source != null) {
      DatabaseNames.requireSafe(source.database());
    }
  }

  @Override
  public Observation probe() {
    long started = System.nanoTime();
    if (probe.expectSameAs() == null) {
      try {
        return expected(run(server, probe.probed(), SqlCheck::firstValue), millisSince(started));
      } catch (SQLException e) {
        return failed(server, probe.probed(), e, millisSince(started));
      }
    }
    QueryResult result;
    QueryResult source;
    try {
      result = run(server, probe.probed(), rs -> QueryResult.read(rs, probe.probed().describe()));
    } catch (SQLException e) {
      return failed(server, probe.probed(), e, millisSince(started));
    }
    try {
      source =
          run(
              sourceServer,
              probe.expectSameAs(),
              rs -> QueryResult.read(rs, probe.expectSameAs().describe()));
    } catch (SQLException e) {
      return failed(sourceServer, probe.expectSameAs(), e, millisSince(started));
    }
    long latency = millisSince(started);
    Optional<String> difference = ResultComparison.difference(result, source, probe.tolerance());
    if (difference.isEmpty()) {
      return Observation.healthy(result.summary(), latency);
    }
    return Observation.unhealthy(
        result.summary(),
        "differs from " + probe.expectSameAs().describe() + ": " + difference.get(),
        latency);
  }

  private Observation expected(String value, long latency) {
    if (probe.expect() == null || Objects.equals(probe.expect(), value)) {
      return Observation.healthy(value == null ? "" : value, latency);
    }
    String shown = value == null ? "no value" : "'" + value + "'";
    return Observation.unhealthy(shown, "expected '" + probe.expect() + "', got " + shown, latency);
  }

  private static String firstValue(ResultSet rs) throws SQLException {
    return rs.next() ? rs.getString(1) : null;
  }

  private static <T> T run(PostgresServer on, SqlQuery query, BoundQueries.Reader<T> reader)
      throws SQLException {
    try (Connection c = PostgresConnections.open(on, query.database())) {
      return BoundQueries.query(c, query.query(), query.binds(), QUERY_TIMEOUT_SECONDS, reader);
    } catch (IllegalArgumentException badPlaceholder) {
      throw StepFailures.of(
          StepFailureType.BAD_INPUT, query.describe() + ": " + badPlaceholder.getMessage());
    }
  }

  private static Observation failed(
      PostgresServer on, SqlQuery query, SQLException e, long latency) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (state.startsWith(INVALID_CREDENTIALS)) {
      throw PostgresConnections.failure("logging in for a health check", on, e);
    }
    if (state.equals(INSUFFICIENT_PRIVILEGE)) {
      throw StepFailures.of(
          StepFailureType.BAD_CONFIG,
          query.describe() + ": the configured user may not run it: " + e.getMessage());
    }
    if (state.startsWith(SYNTAX_OR_ACCESS_RULE)) {
      throw StepFailures.of(
          StepFailureType.BAD_INPUT,
          query.describe() + ": the query is wrong (SQLSTATE " + state + "): " + e.getMessage());
    }
    if (PostgresConnections.isUnreachable(e)) {
      return Observation.unreachable(
          "cannot connect to " + query.server() + ": " + e.getMessage(), latency);
    }
    // Other errors (a missing database mid-restore, a lock timeout) may clear up: keep polling.
    return Observation.unhealthy("error", "query failed: " + e.getMessage(), latency);
  }

  @Override
  public String describe() {
    return probe.probed().describe();
  }
}
