package dev.lifeboat.activities.failover;

import static org.awaitility.Awaitility.await;

import dev.lifeboat.activities.FreePorts;
import dev.lifeboat.activities.postgres.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A real PostgreSQL primary and a streaming standby of it, built with initdb and pg_basebackup in a
 * temporary directory on two free loopback ports, for tests that promote a standby. The machine's
 * own PostgreSQL is not touched. {@link #close()} stops both and deletes everything.
 */
public final class StreamingPair implements AutoCloseable {
  private static final String USER = "postgres"; // the database superuser initdb creates

  private final PgBinaries pg;
  private final Path dir;
  private final int primaryPort;
  private final int standbyPort;

  private StreamingPair(PgBinaries pg, Path dir, int primaryPort, int standbyPort) {
    this.pg = pg;
    this.dir = dir;
    this.primaryPort = primaryPort;
    this.standbyPort = standbyPort;
  }

  /** Builds and starts the pair; returns once the standby is streaming from the primary. */
  public static StreamingPair start() throws IOException {
    PgBinaries pg = PgBinaries.installed();
    StreamingPair pair =
        new StreamingPair(
            pg, Files.createTempDirectory("lifeboat-pair"), FreePorts.next(), FreePorts.next());
    try {
      pair.build();
      return pair;
    } catch (RuntimeException | IOException e) {
      pair.close();
      throw e;
    }
  }

  public PostgresServer primary() {
    return new PostgresServer("127.0.0.1", primaryPort, USER, "", "postgres");
  }

  public PostgresServer standby() {
    return new PostgresServer("127.0.0.1", standbyPort, USER, "", "postgres");
  }

  private void build() throws IOException {
    pg.handOver(dir);
    Path primary = dir.resolve("primary");
    pg.run("initdb", "-D", primary.toString(), "-U", USER, "--auth=trust", "--no-sync");
    append(
        primary.resolve("postgresql.conf"),
        "listen_addresses = '127.0.0.1'",
        "port = " + primaryPort,
        "unix_socket_directories = '" + dir + "'",
        "wal_level = replica",
        "max_wal_senders = 5",
        "fsync = off # a throwaway test cluster: speed over crash safety",
        "shared_buffers = 16MB");
    append(primary.resolve("pg_hba.conf"), "host replication all 127.0.0.1/32 trust");
    startServer("primary");
    Path standby = dir.resolve("standby");
    String port = String.valueOf(primaryPort);
    pg.run(
        "pg_basebackup",
        "-h",
        "127.0.0.1",
        "-p",
        port,
        "-U",
        USER,
        "-D",
        standby.toString(),
        "-R",
        "-X",
        "stream",
        "--no-sync");
    append(standby.resolve("postgresql.conf"), "port = " + standbyPort);
    startServer("standby");
    awaitStreaming();
  }

  private static void append(Path file, String... lines) throws IOException {
    String text = "\n" + String.join("\n", lines) + "\n";
    Files.writeString(file, text, StandardOpenOption.APPEND);
  }

  private void startServer(String name) {
    Path log = dir.resolve(name + ".log");
    String data = dir.resolve(name).toString();
    String failed = pg.runQuietly("pg_ctl", "-D", data, "-l", log.toString(), "-w", "start");
    if (failed != null) {
      throw new IllegalStateException(
          "the test " + name + " did not start:\n" + failed + "\nits log:\n" + read(log));
    }
  }

  private void awaitStreaming() {
    String sql = "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'";
    try {
      await("the test standby to stream from the primary")
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> queryText(primary(), sql), "1"::equals);
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException(
          e.getMessage() + "; its log:\n" + read(dir.resolve("standby.log")), e);
    }
  }

  /** Runs statements on one of the pair (test setup; failures are test errors). */
  public static void execute(PostgresServer server, String... statements) {
    try (Connection c = connect(server);
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("test SQL failed on port " + server.port() + ": " + e, e);
    }
  }

  /** The first column of the first row as text; null when there is no row. */
  public static String queryText(PostgresServer server, String sql) {
    try (Connection c = connect(server);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    } catch (SQLException e) {
      throw new IllegalStateException("test query failed on port " + server.port() + ": " + e, e);
    }
  }

  private static Connection connect(PostgresServer server) throws SQLException {
    return DriverManager.getConnection(server.jdbcUrl("postgres"), server.user(), "");
  }

  /**
   * A shell command line that stops the primary (fast shutdown), for tests whose fencing step runs
   * it over SSH on this machine: as root it runs pg_ctl as the {@code postgres} user.
   */
  public String stopPrimaryCommandLine() {
    return pg.commandLine(
        "pg_ctl", "-D", dir.resolve("primary").toString(), "-m", "fast", "-w", "stop");
  }

  @Override
  public void close() {
    for (String name : List.of("standby", "primary")) {
      if (Files.exists(dir.resolve(name).resolve("postmaster.pid"))) {
        pg.runQuietly("pg_ctl", "-D", dir.resolve(name).toString(), "-m", "fast", "-w", "stop");
      }
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new IllegalStateException("could not delete the test cluster directory " + dir, e);
    }
  }

  private static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }
}
