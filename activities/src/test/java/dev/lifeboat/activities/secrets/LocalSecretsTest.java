package dev.lifeboat.activities.secrets;

import static dev.lifeboat.activities.StepFailureAssertions.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSecretsTest {
  private final LocalSecrets secrets = new LocalSecrets(Map.of("LB_TOKEN", "tok-123456"));

  @Test
  void readsAnEnvironmentVariableFromTheInjectedEnvironment() {
    assertThat(secrets.resolve(SecretSyntax.parse("env:LB_TOKEN"))).isEqualTo("tok-123456");
  }

  @Test
  void readsAFileWithoutItsTrailingNewline(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("hook"), "https://hooks.example/T0/B0/xyz\n");

    assertThat(secrets.resolve(SecretSyntax.parse("file:" + file)))
        .isEqualTo("https://hooks.example/T0/B0/xyz");
  }

  @Test
  void failsAsBadConfigNamingTheReferenceWhenTheVariableIsUnset() {
    ApplicationFailure failure = failureOf(() -> secrets.resolve(SecretSyntax.parse("env:NOPE")));

    assertThat(failure.getType()).isEqualTo("BAD_CONFIG");
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage())
        .isEqualTo("secret env:NOPE: environment variable not set");
  }

  @Test
  void failsAsBadConfigWhenTheFileIsMissing(@TempDir Path dir) {
    ApplicationFailure failure =
        failureOf(() -> secrets.resolve(SecretSyntax.parse("file:" + dir.resolve("none"))));

    assertThat(failure.getType()).isEqualTo("BAD_CONFIG");
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage())
        .isEqualTo(
            "secret file:" + dir.resolve("none") + ": cannot read the file (NoSuchFileException)");
  }

  @Test
  void failsAsBadConfigWhenTheFileHoldsOnlyANewline(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("empty"), "\n");

    ApplicationFailure failure =
        failureOf(() -> secrets.resolve(SecretSyntax.parse("file:" + file)));

    assertThat(failure.getType()).isEqualTo("BAD_CONFIG");
    assertThat(failure.getOriginalMessage())
        .isEqualTo("secret file:" + file + ": the file is empty");
  }
}
