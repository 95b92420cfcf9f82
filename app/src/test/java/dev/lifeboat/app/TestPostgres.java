package dev.lifeboat.app;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * The real PostgreSQL the tests use (the machine's, 127.0.0.1:5432, trust auth, unless {@code
 * LIFEBOAT_TEST_PG_HOST/PORT/USER} say otherwise). Each test gets fresh databases.
 */
public final class TestPostgres {
  public static final String HOST = env("LIFEBOAT_TEST_PG_HOST", "127.0.0.1");
  public static final int PORT = Integer.parseInt(env("LIFEBOAT_TEST_PG_PORT", "5432"));
  public static final String USER = env("LIFEBOAT_TEST_PG_USER", "postgres");

  private TestPostgres() {}

  /** Creates an empty database with a unique name starting with {@code prefix}. */
  public static String createDatabase(String prefix) {
    String name =
        (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12))
            .toLowerCase(Locale.ROOT);
    execute("postgres", "create database " + name);
    return name;
  }

  public static String url(String database) {
    return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
  }

  public static Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(url(database), USER, "");
  }

  public static void execute(String database, String sql) {
    try (Connection connection = connect(database);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL at " + HOST + ":" + PORT + " refused: " + sql + " (" + e.getMessage() + ")",
          e);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
