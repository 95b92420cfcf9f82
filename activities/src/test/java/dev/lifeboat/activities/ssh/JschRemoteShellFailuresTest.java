package dev.lifeboat.activities.ssh;

import static dev.lifeboat.activities.StepFailureAssertions.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeboat.activities.FreePorts;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ways of not getting a command to run, each against a real OpenSSH server. */
class JschRemoteShellFailuresTest {
  @RegisterExtension static final SshServerExtension sshd = new SshServerExtension();

  static ApplicationFailure failureRunning(SshHost host, Map<String, String> env) {
    RemoteShell shell = new JschRemoteShell(JschRemoteShellTest.QUICK, env);
    return failureOf(
        () ->
            shell.run(host, new RemoteCommand("true", Duration.ofSeconds(5)), RemoteListener.NONE));
  }

  @Nested
  class HostKeys {
    @Test
    void refusesAnUnknownHostKeyNamingHostAndFingerprint() throws Exception {
      Path empty = sshd.dir().resolve("known_hosts_empty");

      ApplicationFailure failure =
          failureRunning(sshd.host(sshd.dir().resolve("user_key"), null, empty), Map.of());

      assertThat(failure.getType()).isEqualTo("BAD_CONFIG");
      assertThat(failure.isNonRetryable()).as("an unknown host key must not be retried").isTrue();
      assertThat(failure.getOriginalMessage())
          .contains("127.0.0.1:" + sshd.port())
          .contains("unknown ssh-ed25519 key " + sshd.hostKeyFingerprint());
      assertThat(Files.readString(empty)).as("known_hosts must never be written").isEmpty();
    }

    @Test
    void refusesAChangedHostKeyNamingHostAndFingerprint() throws Exception {
      Path stale = sshd.dir().resolve("known_hosts_changed");

      ApplicationFailure failure =
          failureRunning(sshd.host(sshd.dir().resolve("user_key"), null, stale), Map.of());

      assertThat(failure.getType()).isEqualTo("BAD_CONFIG");
      assertThat(failure.isNonRetryable()).isTrue();
      assertThat(failure.getOriginalMessage())
          .contains("127.0.0.1:" + sshd.port())
          .contains(sshd.hostKeyFingerprint())
          .contains("does NOT match");
    }
  }

  @Test
  void reportsAHostThatIsDownAsUnavailableAfterBoundedRetries() throws Exception {
    int closedPort = FreePorts.next();
    SshHost down =
        new SshHost(
            "down",
            "127.0.0.1",
            closedPort,
            "root",
            sshd.host().keyFile(),
            null,
            sshd.knownHosts(),
            null);
    long started = System.nanoTime();

    ApplicationFailure failure = failureRunning(down, Map.of());

    assertThat(failure.getType()).isEqualTo("UNAVAILABLE");
    assertThat(failure.isNonRetryable()).as("a host that is down may come back").isFalse();
    assertThat(failure.getOriginalMessage())
        .contains("127.0.0.1:" + closedPort)
        .contains("not reachable")
        .contains("gave up after 2 attempts");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void reportsAKeyTheServerDoesNotAcceptAsBadConfig() {
    SshHost stranger = sshd.host(sshd.dir().resolve("other_host_key"), null, sshd.knownHosts());

    ApplicationFailure failure = failureRunning(stranger, Map.of());

    assertThat(failure.getType()).isEqualTo("BAD_CONFIG");
    assertThat(failure.getOriginalMessage()).contains("was refused").contains("other_host_key");
  }

  @Nested
  class Passphrases {
    final Path lockedKey = sshd.dir().resolve("locked_user_key");

    @Test
    void unlocksTheKeyWithAPassphraseFromTheEnvironment() {
      SshHost host =
          sshd.host(lockedKey, new SecretReference("env:TEST_SSH_PASSPHRASE"), sshd.knownHosts());
      RemoteShell shell =
          new JschRemoteShell(
              JschRemoteShellTest.QUICK,
              Map.of("TEST_SSH_PASSPHRASE", SshServerFixture.PASSPHRASE));

      RemoteResult result =
          shell.run(host, new RemoteCommand("echo in", Duration.ofSeconds(5)), RemoteListener.NONE);

      assertThat(result.stdout()).isEqualTo("in\n");
    }

    @Test
    void unlocksTheKeyWithAPassphraseFromAFile() throws Exception {
      Path secret =
          Files.writeString(sshd.dir().resolve("passphrase"), SshServerFixture.PASSPHRASE + "\n");
      SshHost host = sshd.host(lockedKey, new SecretReference("file:" + secret), sshd.knownHosts());
      RemoteShell shell = new JschRemoteShell(JschRemoteShellTest.QUICK, Map.of());

      RemoteResult result =
          shell.run(host, new RemoteCommand("echo in", Duration.ofSeconds(5)), RemoteListener.NONE);

      assertThat(result.stdout()).isEqualTo("in\n");
    }

    @Test
    void namesAWrongPassphraseWithoutPrintingIt() {
      String wrong = "not-the-passphrase-4711";
      SshHost host = sshd.host(lockedKey, new SecretReference("env:WRONG"), sshd.knownHosts());

      ApplicationFailure failure = failureRunning(host, Map.of("WRONG", wrong));

      assertThat(failure.getType()).isEqualTo("BAD_CONFIG");
      assertThat(failure.getOriginalMessage())
          .contains("cannot be unlocked with the passphrase from env:WRONG")
          .doesNotContain(wrong);
      assertThat(failure.toString()).doesNotContain(wrong);
      assertThat(host.toString()).doesNotContain(wrong).doesNotContain(SshServerFixture.PASSPHRASE);
    }

    @Test
    void namesAMissingPassphraseVariable() {
      SshHost host = sshd.host(lockedKey, new SecretReference("env:NOT_SET"), sshd.knownHosts());

      ApplicationFailure failure = failureRunning(host, Map.of());

      assertThat(failure.getType()).isEqualTo("BAD_CONFIG");
      assertThat(failure.getOriginalMessage()).contains("env:NOT_SET").contains("not set");
    }

    @Test
    void saysSoWhenAProtectedKeyHasNoPassphraseReference() {
      ApplicationFailure failure =
          failureRunning(sshd.host(lockedKey, null, sshd.knownHosts()), Map.of());

      assertThat(failure.getType()).isEqualTo("BAD_CONFIG");
      assertThat(failure.getOriginalMessage()).contains("passphrase-protected");
    }
  }
}
