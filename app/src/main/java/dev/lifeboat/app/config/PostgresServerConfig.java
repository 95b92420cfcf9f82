package dev.lifeboat.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lifeboat.activities.postgres.PostgresServer;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * A PostgreSQL server that runbook steps act on, named in {@code postgresServers}. {@code embedded:
 * true} means the embedded server Lifeboat itself runs on (the quick start restores into it).
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

  public boolean isEmbedded() {
    return embedded;
  }

  /** This server, with the embedded server's port when it is the embedded one. */
  public PostgresServer toServer(int embeddedPort) {
    return embedded
        ? new PostgresServer("127.0.0.1", embeddedPort, "postgres", "", "postgres")
        : new PostgresServer(host, port, user, password, maintenanceDatabase);
  }
}
