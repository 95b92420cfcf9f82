package dev.lifeboat.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lifeboat.activities.postgres.PostgresServer;
import dev.lifeboat.activities.secrets.Secrets;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * A PostgreSQL server that runbook steps act on, named in {@code postgresServers}. {@code embedded:
 * true} means the embedded server Lifeboat itself runs on (the quick start restores into it). The
 * {@code password} is a reference, {@code env:NAME} or {@code file:/path} (see {@link
 * ConfiguredPassword}), resolved when the server is built at start-up. {@code production: true}
 * marks a server only a recovery may restore into.
 */
public class PostgresServerConfig {
  @JsonProperty private boolean embedded;
  @JsonProperty private String host = "127.0.0.1";

  @JsonProperty
  @Min(1)
  @Max(65535)
  private int port = 5432;

  @JsonProperty private String user = "postgres";
  @JsonProperty private String password = "";
  @JsonProperty private String maintenanceDatabase = "postgres";

  /** A drill refuses to restore into this server unless the step declares drill: as-is. */
  @JsonProperty private boolean production;

  public boolean isEmbedded() {
    return embedded;
  }

  public boolean isProduction() {
    return production;
  }

  /**
   * This server, with the embedded server's port when it is the embedded one, and its password
   * resolved through {@code secrets}.
   *
   * @param name the server's name in {@code postgresServers}, for messages
   * @throws IllegalStateException naming the setting when the password reference cannot be resolved
   */
  public PostgresServer toServer(String name, int embeddedPort, Secrets secrets) {
    return embedded
        ? new PostgresServer("127.0.0.1", embeddedPort, "postgres", "", "postgres")
        : new PostgresServer(
            host,
            port,
            user,
            ConfiguredPassword.resolve("postgresServers." + name + ".password", password, secrets),
            maintenanceDatabase);
  }
}
