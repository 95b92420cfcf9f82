package dev.lifeboat.app.embedded;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.app.config.EmbeddedPostgresConfig;
import java.util.Map;

/**
 * A Lifeboat-to-be-killed for {@link EmbeddedPostgresServerTest}: starts the embedded PostgreSQL on
 * {@code args[0]} (data directory) and {@code args[1]} (port), says {@code started}, and waits to
 * be killed.
 */
public final class StartEmbeddedPostgres {
  private StartEmbeddedPostgres() {}

  public static void main(String[] args) throws InterruptedException {
    config(args[0], Integer.parseInt(args[1])).start();
    System.out.println("started");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }

  static EmbeddedPostgresConfig config(String dataDirectory, int port) {
    return new ObjectMapper()
        .convertValue(
            Map.of("dataDirectory", dataDirectory, "port", port, "database", "lifeboat_test"),
            EmbeddedPostgresConfig.class);
  }
}
