package dev.lifeboat.activities.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShellQuoteTest {
  @RegisterExtension static final SshServerExtension sshd = new SshServerExtension();

  @Test
  void wrapsInSingleQuotesAndEscapesEmbeddedOnes() {
    assertThat(ShellQuote.quote("plain")).isEqualTo("'plain'");
    assertThat(ShellQuote.quote("it's")).isEqualTo("'it'\\''s'");
    assertThat(ShellQuote.quote("")).isEqualTo("''");
  }

  @Test
  void rejectsNulWhichNoShellArgumentCanHold() {
    assertThatThrownBy(() -> ShellQuote.quote("a\0b")).hasMessageContaining("NUL");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "x; touch pwned",
        "$(touch pwned)",
        "`touch pwned`",
        "'; touch pwned; '",
        "a\ntouch pwned",
        "x' && touch pwned && echo '",
        "$HOME \\ \" * ?"
      })
  void keepsHostileTextOneLiteralArgumentOnARealShell(String hostile) throws Exception {
    Path workdir = Files.createTempDirectory(sshd.dir(), "quote");
    RemoteShell shell = new JschRemoteShell(JschRemoteShellTest.QUICK, Map.of());

    RemoteResult result =
        shell.run(
            sshd.host(),
            new RemoteCommand(
                "cd "
                    + ShellQuote.quote(workdir.toString())
                    + " && printf %s "
                    + ShellQuote.quote(hostile),
                Duration.ofSeconds(5)),
            RemoteListener.NONE);

    assertThat(result.stdout()).as("printf should echo the text unchanged").isEqualTo(hostile);
    assertThat(workdir.resolve("pwned")).as("the quoted text ran a command").doesNotExist();
  }
}
