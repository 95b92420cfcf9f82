package dev.lifeboat.app;

import dev.lifeboat.activities.FreePorts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A PostgreSQL server a test owns (never the shared one on 5432, which must never be stopped): real
 * server binaries in a temp data directory on a free port, which the test can {@link #stop()} and
 * {@link #start()} again on the same port and data, as an operator restarting the record database
 * would. {@link #close()} stops it and deletes its data.
 */
public final class RestartablePostgres implements AutoCloseable {
  private final Path data;
  private final int port;
  private EmbeddedPostgres server;

  private RestartablePostgres(Path data, int port) {
    this.data = data;
    this.port = port;
  }

  /** A new, running server. */
  public static RestartablePostgres started() {
    try {
      RestartablePostgres postgres =
          new RestartablePostgres(
              Files.createTempDirectory("lifeboat-record-pg"), FreePorts.next());
      postgres.start();
      return postgres;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts the server on its port and data directory (kept from any earlier start). */
  public synchronized void start() {
    if (server != null) {
      return;
    }
    try {
      server =
          EmbeddedPostgres.builder()
              .setDataDirectory(data)
              .setCleanDataDirectory(false)
              .setPort(port)
              .setServerConfig("listen_addresses", "127.0.0.1")
              .setServerConfig("fsync", "off") // a throwaway test cluster
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not start on port " + port, e);
    }
  }

  /** Stops the server ({@code pg_ctl stop -m fast}: open connections are cut). */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    try {
      server.close();
      server = null;
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL on port " + port + " did not stop", e);
    }
  }

  public String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  public Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(url(database), "postgres", "");
  }

  @Override
  public void close() {
    stop();
    try (Stream<Path> paths = Files.walk(data)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the test's PostgreSQL data in " + data + " stayed", e);
    }
  }
}
