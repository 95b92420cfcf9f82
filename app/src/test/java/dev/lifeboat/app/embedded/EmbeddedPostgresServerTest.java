package dev.lifeboat.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.lifeboat.activities.FreePorts;
import dev.lifeboat.app.config.EmbeddedPostgresConfig;
import dev.lifeboat.workflow.CapturedLogs;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default keeps its data across a restart and writes it durably, so the record
 * survives a restart and a power loss; and a PostgreSQL left running by a killed Lifeboat is
 * stopped, never silently reused.
 */
class EmbeddedPostgresServerTest {
  @Test
  void keepsDataAcrossARestart(@TempDir Path data) throws Exception {
    EmbeddedPostgresConfig config = config(data, FreePorts.next());

    EmbeddedPostgresServer first = config.start();
    try (Connection connection = connect(first)) {
      connection
          .createStatement()
          .execute("create table kept (n int); insert into kept values (42)");
    } finally {
      first.stop();
    }

    EmbeddedPostgresServer second = config.start();
    try (Connection connection = connect(second)) {
      assertThat(count(connection, "select n from kept")).isEqualTo(42);
    } finally {
      second.stop();
    }
  }

  @Test
  void writesTheRecordDurably(@TempDir Path data) throws Exception {
    EmbeddedPostgresServer server = config(data, FreePorts.next()).start();
    try (Connection connection = connect(server)) {
      for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
        assertThat(show(connection, setting))
            .as("%s must be on: a power loss must not lose or corrupt the record", setting)
            .isEqualTo("on");
      }
    } finally {
      server.stop();
    }
  }

  @Test
  void stopsThePostgresALifeboatKilledWithSigkillLeftRunning(@TempDir Path data) throws Exception {
    int port = FreePorts.next();
    Process killed = startInAnotherJvm(data.resolve("pg"), port);
    try (Connection connection =
        DriverManager.getConnection(
            "jdbc:postgresql://127.0.0.1:" + port + "/lifeboat_test", "postgres", "")) {
      connection
          .createStatement()
          .execute("create table kept (n int); insert into kept values (7)");
    }
    killed.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    long leftover = postmasterPid(data.resolve("pg"));
    assertThat(ProcessHandle.of(leftover).map(ProcessHandle::isAlive))
        .as("SIGKILL leaves the embedded PostgreSQL running: the situation to clean up")
        .contains(true);

    EmbeddedPostgresServer server;
    try (CapturedLogs logs = CapturedLogs.start()) {
      server = config(data, port).start();
      assertThat(logs.texts().values())
          .anyMatch(
              line ->
                  line.contains("found PostgreSQL (pid " + leftover + ") still running on")
                      && line.contains("left by a Lifeboat that did not stop cleanly"))
          .anyMatch(line -> line.contains("stopped the leftover PostgreSQL (pid " + leftover));
    }
    try (Connection connection = connect(server)) {
      assertThat(ProcessHandle.of(leftover).map(ProcessHandle::isAlive))
          .as("the leftover server was stopped, not reused")
          .isNotEqualTo(java.util.Optional.of(true));
      assertThat(postmasterPid(data.resolve("pg"))).isNotEqualTo(leftover);
      assertThat(count(connection, "select n from kept")).as("committed data kept").isEqualTo(7);
      assertThat(show(connection, "fsync")).isEqualTo("on");
    } finally {
      server.stop();
    }
  }

  @Test
  void leavesAProgramThatWasGivenTheLeftoverPostmastersPidAlone(@TempDir Path data)
      throws Exception {
    EmbeddedPostgresConfig config = config(data, FreePorts.next());
    config.start().stop(); // an initialised, cleanly stopped directory
    Process other = new ProcessBuilder("sleep", "60").start();
    try {
      // As after a reboot: the file of a server that is gone names a pid another program now has.
      Files.writeString(
          data.resolve("pg").resolve("postmaster.pid"),
          other.pid() + "\n" + data.resolve("pg") + "\n1000000000\n" + config.getPort() + "\n");

      EmbeddedPostgresServer server = config.start();
      try (Connection connection = connect(server)) {
        assertThat(other.isAlive()).as("a program that merely reused the pid lives on").isTrue();
        assertThat(show(connection, "fsync")).isEqualTo("on");
      } finally {
        server.stop();
      }
    } finally {
      other.destroyForcibly();
    }
  }

  @Test
  void refusesADataDirectoryAnotherRunningLifeboatUses(@TempDir Path data) throws Exception {
    EmbeddedPostgresConfig config = config(data, FreePorts.next());
    EmbeddedPostgresServer first = config.start();
    try {
      Throwable thrown = catchThrowable(() -> config.start());

      assertThat(thrown)
          .hasMessageContaining("the embedded PostgreSQL's data directory " + data.resolve("pg"))
          .hasMessageContaining("is in use by another running Lifeboat");
      try (Connection connection = connect(first)) {
        assertThat(show(connection, "fsync")).as("the first one still serves").isEqualTo("on");
      }
    } finally {
      first.stop();
    }
  }

  private static Process startInAnotherJvm(Path dataDirectory, int port) throws Exception {
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                StartEmbeddedPostgres.class.getName(),
                dataDirectory.toString(),
                Integer.toString(port))
            .redirectErrorStream(true)
            .start();
    BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream()));
    StringBuilder seen = new StringBuilder();
    for (String line = output.readLine(); line != null; line = output.readLine()) {
      if (line.equals("started")) {
        return process;
      }
      seen.append(line).append('\n');
    }
    throw new IllegalStateException("the other JVM did not start PostgreSQL:\n" + seen);
  }

  private static long postmasterPid(Path dataDirectory) throws Exception {
    return Long.parseLong(
        Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
  }

  private static Connection connect(EmbeddedPostgresServer server) throws Exception {
    return DriverManager.getConnection(server.jdbcUrl("lifeboat_test"), "postgres", "");
  }

  private static String show(Connection connection, String setting) throws Exception {
    try (ResultSet row = connection.createStatement().executeQuery("show " + setting)) {
      row.next();
      return row.getString(1);
    }
  }

  private static int count(Connection connection, String query) throws Exception {
    try (ResultSet row = connection.createStatement().executeQuery(query)) {
      row.next();
      return row.getInt(1);
    }
  }

  private static EmbeddedPostgresConfig config(Path data, int port) {
    return StartEmbeddedPostgres.config(data.resolve("pg").toString(), port);
  }
}
