package dev.lifeboat.activities.ssh;

import static dev.lifeboat.activities.StepFailureAssertions.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs commands through a real OpenSSH server on loopback. */
class JschRemoteShellTest {
  static final SshSettings QUICK = SshServerFixture.QUICK;

  @RegisterExtension static final SshServerExtension sshd = new SshServerExtension();
  final RemoteShell shell = new JschRemoteShell(QUICK, Map.of());

  RemoteResult run(String commandLine) {
    return shell.run(
        sshd.host(), new RemoteCommand(commandLine, Duration.ofSeconds(10)), RemoteListener.NONE);
  }

  @Test
  void returnsExitCodeStdoutAndStderrOfTheCommand() {
    RemoteResult result = run("echo hello; echo careful >&2; whoami");

    assertThat(result.exitCode()).isZero();
    assertThat(result.exitSignal()).isNull();
    assertThat(result.stdout()).isEqualTo("hello\n" + System.getProperty("user.name") + "\n");
    assertThat(result.stderr()).isEqualTo("careful\n");
    assertThat(result.stdoutBytesCut()).isZero();
  }

  @Test
  void reportsNonZeroExitAsAResultNotAFailure() {
    RemoteResult result = run("echo half done; exit 3");

    assertThat(result.exitCode()).as("the command's own exit code").isEqualTo(3);
    assertThat(result.succeeded()).isFalse();
    assertThat(result.stdout()).isEqualTo("half done\n");
  }

  @Test
  void passesStdinToTheCommandAndNeverPrintsIt() {
    RemoteCommand command =
        new RemoteCommand(
                "IFS= read -r secret; echo got ${#secret} characters", Duration.ofSeconds(10))
            .withStdin("hunter2\n");

    RemoteResult result = shell.run(sshd.host(), command, RemoteListener.NONE);

    assertThat(result.stdout()).isEqualTo("got 7 characters\n");
    assertThat(command.toString())
        .as("a command's stdin may be a password")
        .doesNotContain("hunter2")
        .contains("not shown");
  }

  @Test
  void givesTheCommandAnEmptyStdinSoReadersDoNotHang() {
    RemoteResult result = run("cat; echo after-cat");

    assertThat(result.stdout()).isEqualTo("after-cat\n");
  }

  @Test
  void keepsHeadAndTailOfOutputOverTheCapAndSaysHowManyBytesWereCut() {
    RemoteResult result =
        shell.run(
            sshd.host(),
            new RemoteCommand(
                "printf START; head -c 100000 /dev/zero | tr '\\0' x; printf END",
                Duration.ofSeconds(10),
                1000),
            RemoteListener.NONE);

    long produced = 5 + 100_000 + 3;
    assertThat(result.stdoutBytesCut()).isEqualTo(produced - 1000);
    assertThat(result.stdout())
        .startsWith("STARTxxx")
        .endsWith("xxxEND")
        .contains("[… " + (produced - 1000) + " bytes cut …]");
  }

  @Test
  void killsTheRemoteCommandAndItsChildrenWhenItTimesOut() throws Exception {
    String marker = "lifeboat-timeout-" + UUID.randomUUID();
    long started = System.nanoTime();

    ApplicationFailure failure =
        failureOf(
            () ->
                shell.run(
                    sshd.host(),
                    new RemoteCommand(sleeperWithChild(marker), Duration.ofSeconds(1)),
                    RemoteListener.NONE));

    assertThat(failure.getType()).isEqualTo("UNAVAILABLE");
    assertThat(failure.getOriginalMessage())
        .contains("127.0.0.1:" + sshd.port())
        .contains("timed out after 1s; remote command killed");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
    assertThat(SshServerFixture.processesMatching(marker))
        .as("remote processes still running after the timeout")
        .isEmpty();
  }

  @Test
  void killsTheRemoteCommandWhenTheListenerThrowsAndPassesTheExceptionOn() throws Exception {
    String marker = "lifeboat-cancel-" + UUID.randomUUID();
    IllegalStateException cancelled = new IllegalStateException("cancelled by the test");
    RemoteListener cancelAfterHalfASecond =
        progress -> {
          if (progress.elapsed().compareTo(Duration.ofMillis(500)) > 0) {
            throw cancelled;
          }
        };

    Throwable thrown =
        catchThrowable(
            () ->
                shell.run(
                    sshd.host(),
                    new RemoteCommand(sleeperWithChild(marker), Duration.ofSeconds(30)),
                    cancelAfterHalfASecond));

    assertThat(thrown).as("the listener's own exception").isSameAs(cancelled);
    assertThat(SshServerFixture.processesMatching(marker))
        .as("remote processes still running after cancellation")
        .isEmpty();
  }

  @Test
  void ticksTheListenerWhileTheCommandRuns() {
    java.util.List<RemoteProgress> ticks = new java.util.concurrent.CopyOnWriteArrayList<>();

    shell.run(
        sshd.host(), new RemoteCommand("echo x; sleep 1", Duration.ofSeconds(10)), ticks::add);

    assertThat(ticks).isNotEmpty();
    assertThat(ticks.get(ticks.size() - 1).stdoutBytes()).isEqualTo(2);
    assertThat(ticks.get(0).host()).isEqualTo("test-sshd");
  }

  /** A sleeper with a background child, both carrying the marker on their command lines. */
  private static String sleeperWithChild(String marker) {
    return "(sleep 300; echo " + marker + "-child) & sleep 300; echo " + marker;
  }
}
