package dev.lifeboat.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.activities.postgres.PostgresServer;
import dev.lifeboat.activities.secrets.LocalSecrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class ConfiguredPasswordTest {
  private static final String SETTING = "postgresServers.main.password";
  private final LocalSecrets secrets = new LocalSecrets(Map.of("DB_PASSWORD", "pg-s3cret-pw"));
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(ConfiguredPassword.class);

  @BeforeEach
  void captureWarnings() {
    logged.start();
    logger.addAppender(logged);
  }

  @AfterEach
  void stopCapturing() {
    logger.detachAppender(logged);
  }

  @Test
  void resolvesAnEnvironmentReference() {
    assertThat(ConfiguredPassword.resolve(SETTING, "env:DB_PASSWORD", secrets))
        .isEqualTo("pg-s3cret-pw");
    assertThat(logged.list).isEmpty();
  }

  @Test
  void resolvesAFileReferenceWithoutItsTrailingNewline(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("db-password"), "from-a-file\n");

    assertThat(ConfiguredPassword.resolve(SETTING, "file:" + file, secrets))
        .isEqualTo("from-a-file");
  }

  @Test
  void failsNamingTheSettingAndTheReferenceWhenTheVariableIsUnset() {
    assertThatThrownBy(() -> ConfiguredPassword.resolve(SETTING, "env:NOPE", secrets))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(SETTING + ": secret env:NOPE: environment variable not set");
  }

  @Test
  void failsOnAMalformedReferenceWithoutRepeatingIt() {
    assertThatThrownBy(() -> ConfiguredPassword.resolve(SETTING, "env:my pass word", secrets))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(SETTING + ": env: must be followed by an environment variable name")
        .hasMessageNotContaining("my pass word");
  }

  @Test
  void acceptsALiteralButWarnsWithoutShowingIt() {
    assertThat(ConfiguredPassword.resolve(SETTING, "hunter2-literal", secrets))
        .isEqualTo("hunter2-literal");
    assertThat(logged.list)
        .singleElement()
        .satisfies(
            warning ->
                assertThat(warning.getFormattedMessage())
                    .startsWith(SETTING + " is a literal password; write env:NAME or file:/path")
                    .doesNotContain("hunter2"));
  }

  @Test
  void treatsNothingAsNoPasswordWithoutAWarning() {
    assertThat(ConfiguredPassword.resolve(SETTING, "", secrets)).isEmpty();
    assertThat(ConfiguredPassword.resolve(SETTING, null, secrets)).isEmpty();
    assertThat(logged.list).isEmpty();
  }

  @Nested
  class PostgresServers {
    private PostgresServerConfig config(String json) throws Exception {
      return new ObjectMapper().readValue(json, PostgresServerConfig.class);
    }

    @Test
    void resolvesTheServerPasswordReferenceWhenBuildingTheServer() throws Exception {
      PostgresServer server =
          config("{\"host\": \"db.internal\", \"password\": \"env:DB_PASSWORD\"}")
              .toServer("main", 0, secrets);

      assertThat(server.password()).isEqualTo("pg-s3cret-pw");
      assertThat(server.toString()).doesNotContain("pg-s3cret-pw");
    }

    @Test
    void namesTheServerWhenItsPasswordCannotBeResolved() throws Exception {
      PostgresServerConfig config = config("{\"password\": \"env:MISSING_PW\"}");

      assertThatThrownBy(() -> config.toServer("dr-east", 0, secrets))
          .hasMessage(
              "postgresServers.dr-east.password: secret env:MISSING_PW: environment variable not"
                  + " set");
    }

    @Test
    void ignoresThePasswordOfTheEmbeddedServer() throws Exception {
      PostgresServer server =
          config("{\"embedded\": true, \"password\": \"env:MISSING_PW\"}")
              .toServer("local", 5, secrets);

      assertThat(server.password()).isEmpty();
      assertThat(server.port()).isEqualTo(5);
    }
  }
}
