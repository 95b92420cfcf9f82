package dev.lifeboat.app;

import dev.lifeboat.activities.FreePorts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A PostgreSQL of a test's own (real server binaries, a temporary data directory, a free loopback
 * port) that the test may stop and start again, keeping its data: the machine's shared PostgreSQL
 * must never be stopped. {@link #close()} stops it and deletes the data.
 */
public final class StoppablePostgres implements AutoCloseable {
  private final Path data;
  private final int port;
  private EmbeddedPostgres server;

  private StoppablePostgres(Path data, int port) {
    this.data = data;
    this.port = port;
  }

  public static StoppablePostgres start() {
    try {
      StoppablePostgres postgres =
          new StoppablePostgres(Files.createTempDirectory("lifeboat-own-pg"), FreePorts.next());
      postgres.startAgain();
      return postgres;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code postgres} database, as user {@code postgres} with no password. */
  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  /** A fast shutdown: open connections are ended, new ones refused. */
  public synchronized void stop() {
    try {
      if (server != null) {
        server.close();
        server = null;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the test's PostgreSQL did not stop", e);
    }
  }

  /** Starts it (again) on the same port with the same data. */
  public synchronized void startAgain() {
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
      throw new UncheckedIOException("the test's PostgreSQL did not start on port " + port, e);
    }
  }

  @Override
  public void close() throws IOException {
    stop();
    try (Stream<Path> paths = Files.walk(data)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
