package dev.lifeboat.activities;

import dev.lifeboat.activities.postgres.PostgresServer;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The real PostgreSQL the tests run against (127.0.0.1:5432, user postgres, trust auth; override
 * with LIFEBOAT_TEST_PG_HOST/PORT/USER/PASSWORD). Every database it hands out has a unique name and
 * is dropped by {@link #close()}.
 */
public final class TestPostgres implements AutoCloseable {
  private final PostgresServer server = server();
  private final List<String> databases = new ArrayList<>();

  public static PostgresServer server() {
    return new PostgresServer(
        env("LIFEBOAT_TEST_PG_HOST", "127.0.0.1"),
        Integer.parseInt(env("LIFEBOAT_TEST_PG_PORT", "5432")),
        env("LIFEBOAT_TEST_PG_USER", "postgres"),
        env("LIFEBOAT_TEST_PG_PASSWORD", ""),
        "postgres");
  }

  /** A fresh, unused database name that {@link #close()} will drop if it gets created. */
  public String newDatabaseName(String purpose) {
    String name = "lb_test_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8);
    databases.add(name);
    return name;
  }

  /** Creates a new empty database. */
  public String createDatabase(String purpose) {
    String name = newDatabaseName(purpose);
    execute("postgres", "CREATE DATABASE \"" + name + "\"");
    return name;
  }

  /** A database with table {@code orders} holding {@code rows} rows. */
  public String createDatabaseWithOrders(String purpose, int rows) {
    String name = createDatabase(purpose);
    execute(
        name,
        "CREATE TABLE orders (id int PRIMARY KEY, item text NOT NULL)",
        "INSERT INTO orders SELECT g, 'item ' || g FROM generate_series(1, " + rows + ") g");
    return name;
  }

  public void execute(String database, String... statements) {
    try (Connection c = connect(database);
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("test setup SQL failed in " + database + ": " + e, e);
    }
  }

  /** The first column of the first row, as text; null when there is no row. */
  public String queryText(String database, String sql) {
    try (Connection c = connect(database);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    } catch (SQLException e) {
      throw new IllegalStateException("test query failed in " + database + ": " + e, e);
    }
  }

  public boolean databaseExists(String name) {
    return "1"
        .equals(queryText("postgres", "SELECT 1 FROM pg_database WHERE datname = '" + name + "'"));
  }

  /** Dumps {@code database} with the real pg_dump; {@code format} is c, p, t or d. */
  public Path dump(String database, String format, Path into, String... extraArgs) {
    List<String> command = new ArrayList<>(List.of("pg_dump", "-h", server.host()));
    command.addAll(List.of("-p", String.valueOf(server.port()), "-U", server.user()));
    command.addAll(List.of("-F", format, "-f", into.toString()));
    command.addAll(List.of(extraArgs));
    command.add(database);
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("pg_dump of " + database + " failed: " + output);
      }
      return into;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run pg_dump", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(server.jdbcUrl(database), server.user(), server.password());
  }

  @Override
  public void close() {
    for (String name : databases) {
      execute("postgres", "DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
    }
    databases.clear();
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
