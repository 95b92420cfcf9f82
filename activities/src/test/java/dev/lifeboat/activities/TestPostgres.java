package dev.lifeboat.activities;

import dev.lifeboat.activities.postgres.PostgresServer;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real PostgreSQL the tests run against (127.0.0.1:5432, user postgres, trust auth; override
 * with LIFEBOAT_TEST_PG_HOST/PORT/USER/PASSWORD), as a JUnit 5 extension that drops every database
 * and role it hands out:
 *
 * <pre>
 * &#64;RegisterExtension static final TestPostgres pg = new TestPostgres();
 * </pre>
 *
 * What a test (or its {@code @BeforeEach}) creates is dropped after that test; what the class
 * creates (in a static initializer or {@code @BeforeAll}) after the class. The drops run when JUnit
 * closes the test's or class's context, after every other extension's after-callbacks, so an app
 * under test has stopped using its database by then. Databases the code under test creates (a drill
 * restore's target) are handed over with {@link #dropAfterwards}. Outside JUnit, {@link #close()}
 * drops everything.
 */
public final class TestPostgres implements BeforeAllCallback, BeforeEachCallback, AutoCloseable {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(TestPostgres.class);
  private static final Pattern SAFE_NAME = Pattern.compile("[a-z0-9_-]{1,63}");

  private final PostgresServer server = server();

  /** What was created outside any test: in static initializers, {@code @BeforeAll}. */
  private final Scope classScope = new Scope();

  /** The open scopes of tests and nested classes, innermost (the running test) on top. */
  private final Deque<Scope> scopes = new ArrayDeque<>();

  private boolean owned;

  public static PostgresServer server() {
    return new PostgresServer(
        env("LIFEBOAT_TEST_PG_HOST", "127.0.0.1"),
        Integer.parseInt(env("LIFEBOAT_TEST_PG_PORT", "5432")),
        env("LIFEBOAT_TEST_PG_USER", "postgres"),
        env("LIFEBOAT_TEST_PG_PASSWORD", ""),
        "postgres");
  }

  @Override
  public synchronized void beforeAll(ExtensionContext context) {
    if (owned) {
      open(context, "nested class"); // a @Nested class: its @BeforeAll creations are its own
    } else {
      // The first class to start owns what was created before it (static initializers).
      owned = true;
      context.getStore(NAMESPACE).put("class", classScope);
    }
  }

  @Override
  public synchronized void beforeEach(ExtensionContext context) {
    if (!owned) {
      // Registered on an instance field: there is no class scope, so the test owns it all.
      context.getStore(NAMESPACE).put("instance", classScope);
    }
    open(context, "test");
  }

  private void open(ExtensionContext context, String key) {
    Scope scope = new Scope();
    scopes.push(scope);
    context.getStore(NAMESPACE).put(key, scope);
  }

  /** A fresh, unused database name that is dropped afterwards if anything creates it. */
  public String newDatabaseName(String purpose) {
    return dropAfterwards(uniqueName(purpose));
  }

  /**
   * Hands over a database that the code under test creates (e.g. {@code drill_shop_<run id>}), to
   * be dropped with this scope's own; answers the name.
   */
  public synchronized String dropAfterwards(String database) {
    current().databases.add(safe(database));
    return database;
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

  /** Creates a login role without a password or any right beyond logging in. */
  public String createRole(String purpose) {
    String name = uniqueName(purpose);
    synchronized (this) {
      current().roles.add(name);
    }
    execute("postgres", "CREATE ROLE \"" + name + "\" LOGIN");
    return name;
  }

  public String url(String database) {
    return server.jdbcUrl(database);
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

  public Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(server.jdbcUrl(database), server.user(), server.password());
  }

  /** Drops everything handed out, whatever scope it was in (for use outside JUnit). */
  @Override
  public synchronized void close() {
    while (!scopes.isEmpty()) {
      scopes.peek().close();
    }
    classScope.close();
  }

  private Scope current() {
    return scopes.isEmpty() ? classScope : scopes.peek();
  }

  private static String uniqueName(String purpose) {
    return ("lb_test_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8))
        .toLowerCase(Locale.ROOT);
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  /** Names are quoted into DDL, so only plain ones are taken. */
  private static String safe(String name) {
    if (!SAFE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a plain test database name: '" + name + "'");
    }
    return name;
  }

  /** What one test or class created; closed by JUnit with that test's or class's context. */
  private final class Scope implements AutoCloseable {
    final List<String> databases = new ArrayList<>();
    final List<String> roles = new ArrayList<>();

    @Override
    public void close() {
      synchronized (TestPostgres.this) {
        scopes.remove(this);
        if (this == classScope) {
          owned = false; // the class is over; a re-run of it starts a class scope again
        }
        // WITH (FORCE): a pool of the code under test may still hold connections.
        databases.forEach(
            name -> execute("postgres", "DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)"));
        roles.forEach(name -> execute("postgres", "DROP ROLE IF EXISTS \"" + name + "\""));
        databases.clear();
        roles.clear();
      }
    }
  }
}
