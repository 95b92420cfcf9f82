package dev.lifeboat.activities.precheck;

import dev.lifeboat.activities.postgres.PostgresConnections;
import dev.lifeboat.activities.postgres.PostgresServer;
import dev.lifeboat.activities.postgres.PostgresServers;
import io.temporal.failure.ApplicationFailure;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Connects to a step's PostgreSQL servers and reads whether each is a standby. Read-only: one
 * SELECT in a read-only session.
 */
final class ServerRoles {
  private static final String SQL = "SELECT pg_is_in_recovery(), current_setting('server_version')";

  private final PostgresServers servers;

  ServerRoles(PostgresServers servers) {
    this.servers = servers;
  }

  CheckLine check(String stepId, ServerNeed need) {
    String check = "server " + need.server();
    PostgresServer server;
    try {
      server = servers.require(need.server());
    } catch (ApplicationFailure failure) {
      return CheckLine.fail(stepId, check, failure.getOriginalMessage());
    }
    try (Connection c = PostgresConnections.open(server, server.maintenanceDatabase())) {
      c.setReadOnly(true);
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery(SQL)) {
        rs.next();
        boolean standby = rs.getBoolean(1);
        String seen =
            (standby ? "a standby" : "a primary")
                + " (pg_is_in_recovery "
                + standby
                + ", PostgreSQL "
                + rs.getString(2)
                + ") at "
                + server.host()
                + ":"
                + server.port();
        if (need.standby() && !standby) {
          return CheckLine.fail(stepId, check, seen + "; promote needs a standby");
        }
        return CheckLine.ok(stepId, check, "reachable, " + seen);
      }
    } catch (SQLException e) {
      return CheckLine.fail(
          stepId, check, PostgresConnections.failure("connecting", server, e).getOriginalMessage());
    }
  }
}
