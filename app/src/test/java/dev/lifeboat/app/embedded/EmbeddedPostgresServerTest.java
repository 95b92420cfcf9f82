package dev.lifeboat.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.activities.FreePorts;
import dev.lifeboat.app.config.EmbeddedPostgresConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default keeps its data across a restart, so the record survives one. */
class EmbeddedPostgresServerTest {
  @Test
  void keepsDataAcrossARestart(@TempDir Path data) throws Exception {
    EmbeddedPostgresConfig config = config(data, FreePorts.next());

    EmbeddedPostgresServer first = EmbeddedPostgresServer.start(config);
    try (Connection connection =
        DriverManager.getConnection(first.jdbcUrl("lifeboat_test"), "postgres", "")) {
      connection
          .createStatement()
          .execute("create table kept (n int); insert into kept values (42)");
    } finally {
      first.stop();
    }

    EmbeddedPostgresServer second = EmbeddedPostgresServer.start(config);
    try (Connection connection =
            DriverManager.getConnection(second.jdbcUrl("lifeboat_test"), "postgres", "");
        ResultSet row = connection.createStatement().executeQuery("select n from kept")) {
      assertThat(row.next()).isTrue();
      assertThat(row.getInt(1)).isEqualTo(42);
    } finally {
      second.stop();
    }
  }

  private static EmbeddedPostgresConfig config(Path data, int port) {
    return new ObjectMapper()
        .convertValue(
            Map.of(
                "dataDirectory",
                data.resolve("pg").toString(),
                "port",
                port,
                "database",
                "lifeboat_test"),
            EmbeddedPostgresConfig.class);
  }
}
