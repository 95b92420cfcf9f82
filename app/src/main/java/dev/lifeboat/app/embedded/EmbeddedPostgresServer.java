package dev.lifeboat.app.embedded;

import dev.lifeboat.activities.process.OwnerLock;
import io.dropwizard.lifecycle.Managed;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL: real server binaries in a data directory that is kept, so runs survive a
 * restart. Started eagerly (the record must exist before anything else starts) and stopped by
 * Dropwizard's lifecycle.
 *
 * <p>It is the record of every run, so it runs durably: zonky's defaults (made for throw-away test
 * databases) turn {@code fsync} and {@code synchronous_commit} off, and a power loss could then
 * lose committed runs or corrupt the whole directory. Here both are on, as is {@code
 * full_page_writes}.
 *
 * <p>The data directory has an owner: this process holds {@code <dataDirectory>.lock} while the
 * server runs. A second Lifeboat on the same directory is refused, and a start that gets the lock
 * knows that a PostgreSQL still running there was left by a Lifeboat that died, and stops it
 * cleanly ({@link LeftoverPostmaster}) instead of silently reusing it.
 *
 * <p>It stops last, after the workers have written their last events: zonky's own shutdown hook
 * (which stopped it the moment SIGTERM arrived, while the server was still writing, and gave up
 * after five seconds) is off; Dropwizard's lifecycle stops it after everything managed later, and
 * waits until the postmaster has exited. A JVM that exits before the lifecycle ever started (a
 * failed start-up) stops it from a shutdown hook of its own.
 */
public final class EmbeddedPostgresServer implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

  private final EmbeddedPostgres postgres;
  private final OwnerLock owner;
  private final Path dataDirectory;
  private final Optional<ProcessHandle> postmaster;
  private final AtomicBoolean managed = new AtomicBoolean();
  private final AtomicBoolean stopped = new AtomicBoolean();

  private EmbeddedPostgresServer(
      EmbeddedPostgres postgres,
      OwnerLock owner,
      Path dataDirectory,
      Optional<ProcessHandle> postmaster) {
    this.postgres = postgres;
    this.owner = owner;
    this.dataDirectory = dataDirectory;
    this.postmaster = postmaster;
  }

  /**
   * Starts the server on {@code 127.0.0.1:port} with its data in {@code directory}, and creates
   * {@code database} in it when missing.
   */
  public static EmbeddedPostgresServer start(Path directory, int port, String database) {
    Path dataDirectory = directory.toAbsolutePath().normalize();
    OwnerLock owner =
        OwnerLock.acquire(
            dataDirectory.resolveSibling(dataDirectory.getFileName() + ".lock"),
            "the embedded PostgreSQL's data directory " + dataDirectory);
    try {
      Files.createDirectories(dataDirectory);
      LeftoverPostmaster.stopIfAny(dataDirectory);
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              .setPort(port)
              .setServerConfig("listen_addresses", "127.0.0.1")
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("full_page_writes", "on")
              .setRegisterShutdownHook(false)
              .start();
      EmbeddedPostgresServer server =
          new EmbeddedPostgresServer(
              postgres, owner, dataDirectory, LeftoverPostmaster.running(dataDirectory));
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(server::stopUnlessManaged, "embedded-postgres-unmanaged-stop"));
      server.createDatabaseIfMissing(database);
      return server;
    } catch (RuntimeException e) {
      owner.close();
      throw e;
    } catch (IOException e) {
      owner.close();
      throw new UncheckedIOException(
          "could not start the embedded PostgreSQL in "
              + dataDirectory
              + " on port "
              + port
              + ": "
              + e.getMessage(),
          e);
    }
  }

  public int port() {
    return postgres.getPort();
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
  }

  private void createDatabaseIfMissing(String database) {
    if (!database.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException(
          "embeddedPostgres.database must be a plain lower-case name, was '" + database + "'");
    }
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        PreparedStatement exists =
            connection.prepareStatement("select 1 from pg_database where datname = ?")) {
      exists.setString(1, database);
      try (ResultSet row = exists.executeQuery()) {
        if (!row.next()) {
          try (Statement create = connection.createStatement()) {
            // CREATE DATABASE takes no bind parameters; the name was checked above.
            create.execute("create database " + database);
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + database, e);
    }
  }

  /** Called by Dropwizard's lifecycle: from now on the lifecycle stops the server. */
  @Override
  public void start() {
    managed.set(true);
  }

  /**
   * Fast shutdown, then waits for the postmaster to be gone (zonky's stop gives up after five
   * seconds; a shutdown checkpoint with fsync on can take longer on a busy machine). Only the first
   * call stops; later ones return at once.
   */
  @Override
  public void stop() throws IOException {
    if (stopped.getAndSet(true)) {
      return;
    }
    long began = System.nanoTime();
    try {
      postgres.close();
      postmaster.ifPresent(process -> LeftoverPostmaster.awaitStopped(process, dataDirectory));
      LOG.info(
          "stopped the embedded PostgreSQL{} on {} in {} ms",
          postmaster.map(p -> " (pid " + p.pid() + ")").orElse(""),
          dataDirectory,
          (System.nanoTime() - began) / 1_000_000);
    } finally {
      owner.close();
    }
  }

  private void stopUnlessManaged() {
    if (managed.get()) {
      return; // Dropwizard's lifecycle stops it, after the workers
    }
    try {
      stop();
    } catch (IOException | RuntimeException e) {
      LOG.error("could not stop the embedded PostgreSQL on {}", dataDirectory, e);
    }
  }
}
