package dev.lifeboat.activities.command;

import static dev.lifeboat.activities.StepFailureAssertions.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeboat.activities.SingleAttempt;
import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.secrets.LocalSecrets;
import dev.lifeboat.activities.ssh.ConfiguredSshHosts;
import dev.lifeboat.activities.ssh.JschRemoteShell;
import dev.lifeboat.activities.ssh.RemoteCommand;
import dev.lifeboat.activities.ssh.RemoteShell;
import dev.lifeboat.activities.ssh.SshServerExtension;
import dev.lifeboat.activities.ssh.SshServerFixture;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets in command lines, through a real OpenSSH server: the command gets the value, while the
 * command line (what {@code ps} and sshd see), the output and the failures never hold it.
 */
class CommandSecretsTest {
  static final String TOKEN = "s3cr3t-T0ken; touch pwned";
  static final String PLACEHOLDER = "${secret:env:DB_TOKEN}";

  @RegisterExtension static final SshServerExtension sshd = new SshServerExtension();

  private final List<RemoteCommand> sent = new CopyOnWriteArrayList<>();
  private TestActivityEnvironment env;
  private CommandActivity activity;

  @TempDir Path dir;

  @BeforeEach
  void startActivityEnvironment() {
    RemoteShell real = new JschRemoteShell(SshServerFixture.QUICK, Map.of());
    RemoteShell recording =
        (host, command, listener) -> {
          sent.add(command);
          return real.run(host, command, listener);
        };
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(
        new CommandActivityImpl(
            new ConfiguredSshHosts(Map.of("test-sshd", sshd.host())),
            recording,
            new LocalSecrets(Map.of("DB_TOKEN", TOKEN, "TWO_LINES", "first\nsecond"))));
    activity =
        env.newActivityStub(
            CommandActivity.class, SingleAttempt.within(Duration.ofSeconds(30)).build());
  }

  @AfterEach
  void closeActivityEnvironment() {
    env.close();
  }

  private CommandResult run(String commandLine) {
    return activity.command(
        new CommandRequest("test-sshd", commandLine, Duration.ofSeconds(10), 0, 64 * 1024));
  }

  @Test
  void theCommandGetsTheValueAsOneWordButNoCommandLineHoldsIt() throws Exception {
    Path received = dir.resolve("received");
    Path cmdline = dir.resolve("cmdline");
    CommandResult result =
        run(
            "cd "
                + dir
                + " && printf %s "
                + PLACEHOLDER
                + " > received && tr '\\0' ' ' < /proc/$$/cmdline > cmdline && echo sent "
                + PLACEHOLDER);

    assertThat(Files.readString(received))
        .as("the secret reached the command whole, as one literal word")
        .isEqualTo(TOKEN);
    assertThat(dir.resolve("pwned")).as("nothing in the value ran as a command").doesNotExist();
    assertThat(Files.readString(cmdline))
        .as("the remote shell's own command line, as ps shows it")
        .contains("LIFEBOAT_SECRET_1")
        .doesNotContain("s3cr3t");
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).commandLine()).doesNotContain("s3cr3t");
    assertThat(sent.get(0).toString()).doesNotContain("s3cr3t");
    assertThat(result.stdout()).isEqualTo("sent [redacted:env:DB_TOKEN]\n");
  }

  @Test
  void aFailureEchoingTheSecretIsRedacted() {
    ApplicationFailure failure =
        failureOf(() -> run("echo denied for " + PLACEHOLDER + " >&2; exit 1"));

    assertThat(failure.getType()).isEqualTo(StepFailureType.CHECK_FAILED.type());
    assertThat(failure.getOriginalMessage())
        .contains("denied for [redacted:env:DB_TOKEN]")
        .doesNotContain("s3cr3t");
  }

  @Test
  void aSecretThatSpansTwoLinesIsBadConfigurationNamingOnlyTheReference() {
    ApplicationFailure failure = failureOf(() -> run("echo ${secret:env:TWO_LINES}"));

    assertThat(failure.getType()).isEqualTo(StepFailureType.BAD_CONFIG.type());
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage())
        .contains("env:TWO_LINES")
        .contains("one line")
        .doesNotContain("first");
    assertThat(sent).as("nothing was run").isEmpty();
  }

  @Test
  void anUnsetSecretFailsBeforeAnythingRuns() {
    ApplicationFailure failure = failureOf(() -> run("echo ${secret:env:NOT_SET_ANYWHERE}"));

    assertThat(failure.getType()).isEqualTo(StepFailureType.BAD_CONFIG.type());
    assertThat(failure.getOriginalMessage()).contains("env:NOT_SET_ANYWHERE");
    assertThat(sent).isEmpty();
  }
}
