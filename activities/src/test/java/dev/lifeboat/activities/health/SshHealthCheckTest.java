package dev.lifeboat.activities.health;

import static dev.lifeboat.activities.StepFailureAssertions.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeboat.activities.SingleAttempt;
import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.postgres.ConfiguredPostgresServers;
import dev.lifeboat.activities.ssh.ConfiguredSshHosts;
import dev.lifeboat.activities.ssh.JschRemoteShell;
import dev.lifeboat.activities.ssh.RemoteHosts;
import dev.lifeboat.activities.ssh.SshHost;
import dev.lifeboat.activities.ssh.SshServerExtension;
import dev.lifeboat.activities.ssh.SshServerFixture;
import dev.lifeboat.activities.ssh.SshSettings;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ssh} probe of health-check, against a real OpenSSH server on loopback. */
class SshHealthCheckTest {
  static final SshSettings QUICK = SshServerFixture.QUICK;

  @RegisterExtension static final SshServerExtension sshd = new SshServerExtension();
  TestActivityEnvironment env;
  HealthCheckActivity activity;

  @TempDir Path dir;

  @BeforeEach
  void start() throws Exception {
    SshHost real = sshd.host();
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    SshHost down =
        new SshHost(
            "down",
            "127.0.0.1",
            closedPort,
            real.user(),
            real.keyFile(),
            null,
            real.knownHostsFile(),
            null);
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(
        new HealthCheckActivityImpl(
            new ConfiguredPostgresServers(Map.of()),
            HttpClient.newHttpClient(),
            Clock.systemUTC(),
            new RemoteHosts(
                new ConfiguredSshHosts(Map.of("test-sshd", real, "down", down)),
                new JschRemoteShell(QUICK, Map.of()))));
    activity =
        env.newActivityStub(
            HealthCheckActivity.class, SingleAttempt.within(Duration.ofSeconds(60)).build());
  }

  @AfterEach
  void stop() {
    env.close();
  }

  private HealthCheckResult check(SshProbe probe, Duration untilHealthy) {
    return activity.healthCheck(
        new HealthCheckRequest(
            null,
            null,
            null,
            untilHealthy,
            untilHealthy == null ? null : Duration.ofMillis(100),
            probe));
  }

  private static SshProbe probe(String host, String run, int expectExit) {
    return new SshProbe(host, run, expectExit, null);
  }

  @Test
  void isHealthyWhenTheCommandExitsAsExpected() {
    HealthCheckResult result = check(probe("test-sshd", "test -d /tmp", 0), null);

    assertThat(result.probes()).isEqualTo(1);
    assertThat(result.observed()).isEqualTo("exit 0");
    assertThat(result.summary())
        .startsWith("'test -d /tmp' on host test-sshd: healthy (exit 0) in ");
  }

  @Test
  void takesTheExpectedExitCodeAsHealthyEvenWhenItIsNotZero() {
    HealthCheckResult result = check(probe("test-sshd", "grep -q nothing /dev/null", 1), null);

    assertThat(result.observed()).isEqualTo("exit 1");
  }

  @Test
  void failsWithTheEndOfTheOutputWhenTheExitCodeIsWrong() {
    ApplicationFailure failure =
        failureOf(
            () ->
                check(
                    probe("test-sshd", "echo checking; echo 'orders-api is down' >&2; exit 3", 0),
                    null));

    assertThat(failure.getType()).isEqualTo(StepFailureType.CHECK_FAILED.type());
    assertThat(failure.getOriginalMessage())
        .isEqualTo(
            "'echo checking; echo 'orders-api is down' >&2; exit 3' on host test-sshd: expected"
                + " exit 0, but the command exited with 3; output ends: orders-api is down after 1"
                + " probe");
  }

  @Test
  void pollsUntilTheCommandSucceeds() {
    Path counter = dir.resolve("probes");
    String thirdTimeLucky =
        "n=$(cat "
            + counter
            + " 2>/dev/null || echo 0); n=$((n+1)); echo $n > "
            + counter
            + "; [ $n -ge 3 ]";

    HealthCheckResult result = check(probe("test-sshd", thirdTimeLucky, 0), Duration.ofSeconds(30));

    assertThat(result.probes()).as("unhealthy twice, then healthy").isEqualTo(3);
  }

  @Test
  void givesUpWhenTheWindowEnds() {
    ApplicationFailure failure =
        failureOf(() -> check(probe("test-sshd", "exit 1", 0), Duration.ofSeconds(1)));

    assertThat(failure.getType()).isEqualTo(StepFailureType.CHECK_FAILED.type());
    assertThat(failure.getOriginalMessage())
        .startsWith(
            "'exit 1' on host test-sshd: expected exit 0, but the command exited with 1 and printed"
                + " nothing after ")
        .contains(" probes over 1s");
  }

  @Test
  void reportsAHostThatDoesNotAnswerAsUnavailable() {
    ApplicationFailure failure = failureOf(() -> check(probe("down", "true", 0), null));

    assertThat(failure.getType()).isEqualTo(StepFailureType.UNAVAILABLE.type());
    assertThat(failure.getOriginalMessage())
        .startsWith("'true' on host down: host down (127.0.0.1:")
        .contains("is not reachable");
  }

  @Test
  void rejectsAnUnknownHostWithoutPolling() {
    ApplicationFailure failure =
        failureOf(() -> check(probe("db-9", "true", 0), Duration.ofMinutes(5)));

    assertThat(failure.getType()).isEqualTo(StepFailureType.BAD_INPUT.type());
    assertThat(failure.getOriginalMessage()).startsWith("unknown host 'db-9'; configured hosts: ");
  }
}
