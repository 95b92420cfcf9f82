package dev.lifeboat.activities.ssh;

import static dev.lifeboat.activities.StepFailureAssertions.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretReferenceTest {
  @Test
  void rejectsALiteralValueWithoutEchoingIt() {
    assertThatThrownBy(() -> new SecretReference("hunter2"))
        .hasMessageContaining("env:NAME or file:/path")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void readsAnEnvironmentVariable() {
    byte[] value = new SecretReference("env:PASS").resolve(Map.of("PASS", "s3cret"));

    assertThat(new String(value, StandardCharsets.UTF_8)).isEqualTo("s3cret");
  }

  @Test
  void readsAFileWithoutItsTrailingNewline(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("pass"), "s3cret\n");

    byte[] value = new SecretReference("file:" + file).resolve(Map.of());

    assertThat(new String(value, StandardCharsets.UTF_8)).isEqualTo("s3cret");
  }

  @Test
  void namesAMissingFileAsBadConfig(@TempDir Path dir) {
    SecretReference missing = new SecretReference("file:" + dir.resolve("nope"));

    assertThat(failureOf(() -> missing.resolve(Map.of())).getType()).isEqualTo("BAD_CONFIG");
  }
}
