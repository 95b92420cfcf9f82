package dev.lifeboat.activities.failover;

import dev.lifeboat.activities.postgres.PostgresServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL primary and a streaming standby of it, built with initdb and pg_basebackup in a
 * temporary directory on two free loopback ports, for tests that promote a standby. The machine's
 * own PostgreSQL is not touched. {@link #close()} stops both and deletes everything.
 *
 * <p>The binaries come from LIFEBOAT_PG_BIN (default {@code /usr/lib/postgresql/15/bin}). initdb
 * and postgres refuse to run as root, so under root they run as the {@code postgres} user.
 */
final class StreamingPair implements AutoCloseable {
  private static final String USER = "postgres";

  private final Path bin;
  private final Path dir;
  private final boolean asPostgresUser;
  private final int primaryPort;
  private final int standbyPort;

  private StreamingPair(Path bin, Path dir, int primaryPort, int standbyPort) {
    this.bin = bin;
    this.dir = dir;
    this.asPostgresUser = "root".equals(System.getProperty("user.name"));
    this.primaryPort = primaryPort;
    this.standbyPort = standbyPort;
  }

  /** Builds and starts the pair; returns once the standby is streaming from the primary. */
  static StreamingPair start() throws IOException {
    Path bin =
        Path.of(System.getenv().getOrDefault("LIFEBOAT_PG_BIN", "/usr/lib/postgresql/15/bin"));
    if (!Files.isExecutable(bin.resolve("initdb"))) {
      throw new IllegalStateException(
          "the streaming-pair tests need PostgreSQL server binaries (initdb, pg_ctl, pg_basebackup)"
              + " in "
              + bin
              + "; install postgresql-15 or point LIFEBOAT_PG_BIN at them");
    }
    StreamingPair pair =
        new StreamingPair(bin, Files.createTempDirectory("lifeboat-pair"), freePort(), freePort());
    try {
      pair.build();
      return pair;
    } catch (RuntimeException | IOException e) {
      pair.close();
      throw e;
    }
  }

  PostgresServer primary() {
    return new PostgresServer("127.0.0.1", primaryPort, USER, "", "postgres");
  }

  PostgresServer standby() {
    return new PostgresServer("127.0.0.1", standbyPort, USER, "", "postgres");
  }

  private void build() throws IOException {
    if (asPostgresUser) {
      UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
      Files.setOwner(dir, users.lookupPrincipalByName(USER));
    }
    Path primaryData = dir.resolve("primary");
    run("initdb", "-D", primaryData.toString(), "-U", USER, "--auth=trust", "--no-sync");
    Files.writeString(
        primaryData.resolve("postgresql.conf"),
        String.join(
            "\n",
            "",
            "listen_addresses = '127.0.0.1'",
            "port = " + primaryPort,
            "unix_socket_directories = '" + dir + "'",
            "wal_level = replica",
            "max_wal_senders = 5",
            "fsync = off # throwaway test cluster: speed over crash safety",
            "shared_buffers = 16MB",
            ""),
        StandardOpenOption.APPEND);
    Files.writeString(
        primaryData.resolve("pg_hba.conf"),
        "\nhost replication all 127.0.0.1/32 trust\n",
        StandardOpenOption.APPEND);
    startServer("primary");
    Path standbyData = dir.resolve("standby");
    run(
        "pg_basebackup",
        "-h",
        "127.0.0.1",
        "-p",
        String.valueOf(primaryPort),
        "-U",
        USER,
        "-D",
        standbyData.toString(),
        "-R",
        "-X",
        "stream",
        "--no-sync");
    Files.writeString(
        standbyData.resolve("postgresql.conf"),
        "\nport = " + standbyPort + "\n",
        StandardOpenOption.APPEND);
    startServer("standby");
    awaitStreaming();
  }

  private void startServer(String name) {
    Path data = dir.resolve(name);
    run(
        "pg_ctl",
        "-D",
        data.toString(),
        "-l",
        dir.resolve(name + ".log").toString(),
        "-w",
        "start");
  }

  private void awaitStreaming() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      String streaming =
          queryText(
              primary(), "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'");
      if ("1".equals(streaming)) {
        return;
      }
      pause(50);
    }
    throw new IllegalStateException(
        "the standby did not start streaming from the primary within 20s; see " + dir);
  }

  /** Runs statements on one of the pair (test setup; failures are test errors). */
  static void execute(PostgresServer server, String... statements) {
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
  static String queryText(PostgresServer server, String sql) {
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

  @Override
  public void close() {
    for (String name : List.of("standby", "primary")) {
      if (Files.exists(dir.resolve(name).resolve("postmaster.pid"))) {
        runQuietly("pg_ctl", "-D", dir.resolve(name).toString(), "-m", "fast", "-w", "stop");
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

  private void run(String tool, String... args) {
    String output = runQuietly(tool, args);
    if (output != null) {
      throw new IllegalStateException(tool + " failed while building the test pair:\n" + output);
    }
  }

  /** Null on success, else the tool's output. */
  private String runQuietly(String tool, String... args) {
    List<String> command = new ArrayList<>();
    if (asPostgresUser) {
      command.addAll(List.of("runuser", "-u", USER, "--"));
    }
    command.add(bin.resolve(tool).toString());
    command.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "timed out after 60s: " + output;
      }
      return p.exitValue() == 0 ? null : output;
    } catch (IOException e) {
      return "could not run " + command + ": " + e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
