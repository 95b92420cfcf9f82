package dev.lifeboat.activities.restore;

import static dev.lifeboat.activities.postgres.DatabaseNames.quoted;

import dev.lifeboat.activities.postgres.PostgresConnections;
import dev.lifeboat.activities.postgres.PostgresServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The database a restore writes into, seen over JDBC: does it exist, what stamp does it carry, is
 * it empty. The name has already passed {@code DatabaseNames.requireSafe}.
 */
final class RestoreTarget {
  private static final String DUPLICATE_DATABASE = "42P04";

  private final PostgresServer server;
  private final String database;

  RestoreTarget(PostgresServer server, String database) {
    this.server = server;
    this.database = database;
  }

  /** Creates the database unless it exists; true when this call created it. */
  boolean ensureExists() {
    try (Connection c = PostgresConnections.open(server, server.maintenanceDatabase())) {
      if (exists(c)) {
        return false;
      }
      try (Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + quoted(database));
        return true;
      } catch (SQLException e) {
        if (DUPLICATE_DATABASE.equals(e.getSQLState())) {
          return false; // created concurrently by someone else; it exists, which is all we need
        }
        throw e;
      }
    } catch (SQLException e) {
      throw PostgresConnections.failure("creating database " + database, server, e);
    }
  }

  /** The database's comment, where Lifeboat keeps its restore stamp. */
  Optional<String> comment() {
    String sql = "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = ?";
    try (Connection c = PostgresConnections.open(server, server.maintenanceDatabase());
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, database);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw PostgresConnections.failure("reading the comment of " + database, server, e);
    }
  }

  /** How many tables, views and sequences users have made in the database. */
  int userRelations() {
    String sql =
        """
        SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
          AND n.nspname NOT IN ('pg_catalog', 'information_schema')
          AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
        """;
    try (Connection c = PostgresConnections.open(server, database);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    } catch (SQLException e) {
      throw PostgresConnections.failure("inspecting database " + database, server, e);
    }
  }

  /** Marks the database as holding a finished restore of the stamped dump. */
  void stamp(RestoreStamp stamp) {
    try (Connection c = PostgresConnections.open(server, server.maintenanceDatabase());
        Statement s = c.createStatement()) {
      s.execute(stamp.commentSql(quoted(database)));
    } catch (SQLException e) {
      throw PostgresConnections.failure("stamping database " + database, server, e);
    }
  }

  private boolean exists(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      s.setString(1, database);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    }
  }
}
