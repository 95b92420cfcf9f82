package dev.lifeboat.activities.command;

import static dev.lifeboat.activities.StepFailureAssertions.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.lifeboat.activities.SingleAttempt;
import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.ssh.ConfiguredSshHosts;
import dev.lifeboat.activities.ssh.JschRemoteShell;
import dev.lifeboat.activities.ssh.SshServerExtension;
import dev.lifeboat.activities.ssh.SshServerFixture;
import dev.lifeboat.activities.ssh.SshSettings;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs command steps through a real OpenSSH server on loopback. */
class CommandActivityImplTest {
  static final SshSettings QUICK = SshServerFixture.QUICK;

  @RegisterExtension static final SshServerExtension sshd = new SshServerExtension();

  private final List<CommandProgress> heartbeats = new CopyOnWriteArrayList<>();
  private TestActivityEnvironment env;
  private CommandActivity activity;

  @BeforeEach
  void startActivityEnvironment() {
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(
        new CommandActivityImpl(
            new ConfiguredSshHosts(Map.of("test-sshd", sshd.host())),
            new JschRemoteShell(QUICK, Map.of())));
    env.setActivityHeartbeatListener(CommandProgress.class, heartbeats::add);
    activity =
        env.newActivityStub(
            CommandActivity.class,
            SingleAttempt.within(Duration.ofSeconds(30))
                .setHeartbeatTimeout(Duration.ofSeconds(5))
                .build());
  }

  @AfterEach
  void closeActivityEnvironment() {
    env.close();
  }

  private static CommandRequest request(String host, String commandLine, int expectExit) {
    return new CommandRequest(host, commandLine, Duration.ofSeconds(10), expectExit, 64 * 1024);
  }

  @Test
  void returnsOutputAndExitCodeOfACommandThatExitsAsExpected() {
    CommandResult result = activity.command(request("test-sshd", "echo ready; echo note >&2", 0));

    assertThat(result.exitCode()).isZero();
    assertThat(result.stdout()).isEqualTo("ready\n");
    assertThat(result.stderr()).isEqualTo("note\n");
    assertThat(result.bytesCut()).isZero();
    assertThat(result.summary()).startsWith("ran command on host test-sshd: exit 0 in ");
  }

  @Test
  void acceptsANonZeroExitCodeWhenThatIsTheOneExpected() {
    CommandResult result = activity.command(request("test-sshd", "exit 3", 3));

    assertThat(result.exitCode()).isEqualTo(3);
  }

  @Test
  void failsNamingHostExitCodeAndStderrTailWhenTheExitCodeIsUnexpected() {
    ApplicationFailure failure =
        failureOf(
            () ->
                activity.command(
                    request("test-sshd", "echo first >&2; echo disk full >&2; exit 2", 0)));

    assertThat(failure.getType()).isEqualTo(StepFailureType.CHECK_FAILED.type());
    assertThat(failure.getOriginalMessage())
        .isEqualTo(
            "command on host test-sshd exited with 2, expected 0; stderr ends: first\ndisk full");
  }

  @Test
  void rejectsAnUnknownHostListingTheConfiguredOnes() {
    ApplicationFailure failure = failureOf(() -> activity.command(request("db-9", "true", 0)));

    assertThat(failure.getType()).isEqualTo(StepFailureType.BAD_INPUT.type());
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage())
        .isEqualTo("unknown host 'db-9'; configured hosts: test-sshd");
  }

  @Test
  void heartbeatsWhileTheCommandRuns() {
    activity.command(request("test-sshd", "sleep 0.6", 0));

    assertThat(heartbeats).as("heartbeats during a 0.6s command ticking every 0.1s").isNotEmpty();
    assertThat(heartbeats.get(0).host()).isEqualTo("test-sshd");
  }

  @Test
  void cancellingTheActivityKillsTheRemoteCommand() throws Exception {
    String marker = "lifeboat-cancel-" + UUID.randomUUID();
    env.setActivityHeartbeatListener(CommandProgress.class, p -> env.requestCancelActivity());

    long started = System.nanoTime();
    Throwable thrown =
        catchThrowable(() -> activity.command(request("test-sshd", "sleep 30 # " + marker, 0)));
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(thrown)
        .as("a cancelled command must fail as cancelled")
        .isInstanceOf(CanceledFailure.class);
    assertThat(took)
        .as("cancellation should not wait for the 30s command")
        .isLessThan(Duration.ofSeconds(15));
    assertThat(SshServerFixture.processesMatching(marker))
        .as("no remote process may still run the cancelled command")
        .isEmpty();
  }
}
