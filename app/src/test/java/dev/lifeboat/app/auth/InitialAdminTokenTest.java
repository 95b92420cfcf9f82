package dev.lifeboat.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitialAdminTokenTest {
  final ByteArrayOutputStream console = new ByteArrayOutputStream();
  final ApiToken token = ApiToken.generate(new SecureRandom());

  @Test
  void writesTheTokenToAFileOnlyItsOwnerCanRead(@TempDir Path data) throws Exception {
    Path file = data.resolve("new-folder").resolve("initial-admin-token");

    handOver(file);

    assertThat(Files.readString(file).trim()).isEqualTo(token.reveal());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    try (var files = Files.list(file.getParent())) {
      assertThat(files).as("no temporary file left behind").containsExactly(file);
    }
  }

  @Test
  void printsTheTokenFramedWithWhereTheFileIs(@TempDir Path data) {
    Path file = data.resolve("initial-admin-token");

    handOver(file);

    String printed = console.toString(StandardCharsets.UTF_8);
    assertThat(printed)
        .contains("=".repeat(78))
        .contains("    " + token.reveal())
        .contains(file.toAbsolutePath().toString())
        .contains("then delete that file");
  }

  @Test
  void replacesAFileLeftFromAnEarlierDatabase(@TempDir Path data) throws Exception {
    Path file = data.resolve("initial-admin-token");
    Files.writeString(file, "lb_stale\n");

    handOver(file);

    assertThat(Files.readString(file).trim()).isEqualTo(token.reveal());
  }

  @Test
  void saysToCopyTheTokenNowWhenTheFileCannotBeWritten(@TempDir Path data) throws Exception {
    Path blocker = data.resolve("not-a-folder");
    Files.writeString(blocker, "");

    handOver(blocker.resolve("initial-admin-token"));

    assertThat(console.toString(StandardCharsets.UTF_8))
        .contains(token.reveal())
        .contains("Copy it now: it could not be written");
  }

  private void handOver(Path file) {
    new InitialAdminToken(file, new PrintStream(console, true, StandardCharsets.UTF_8))
        .handOver(token);
  }
}
