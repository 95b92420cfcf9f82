package dev.lifeboat.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTokenTest {
  @Test
  void prefersTheFlagThenTheEnvironmentThenTheFile(@TempDir Path data) throws Exception {
    Path file = data.resolve("initial-admin-token");
    Files.writeString(file, "from-file\n");
    Map<String, String> env = Map.of("LIFEBOAT_TOKEN", "from-env");

    assertThat(CliToken.resolve("from-flag", env, file)).isEqualTo("from-flag");
    assertThat(CliToken.resolve(null, env, file)).isEqualTo("from-env");
    assertThat(CliToken.resolve(null, Map.of(), file)).isEqualTo("from-file");
  }

  @Test
  void looksForTheFirstStartsFileInTheDataFolder() {
    assertThat(CliToken.defaultFile(Map.of())).isEqualTo(Path.of("data", "initial-admin-token"));
    assertThat(CliToken.defaultFile(Map.of("LIFEBOAT_DATA", "/var/lib/lifeboat")))
        .isEqualTo(Path.of("/var/lib/lifeboat", "initial-admin-token"));
  }

  @Test
  void saysWhereItLookedWhenThereIsNoToken(@TempDir Path data) {
    Path missing = data.resolve("initial-admin-token");

    assertThatThrownBy(() -> CliToken.resolve(null, Map.of(), missing))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("LIFEBOAT_TOKEN")
        .hasMessageContaining("--token")
        .hasMessageContaining(missing.toString());
  }
}
