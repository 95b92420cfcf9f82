package dev.lifeboat.workflow;

import static dev.lifeboat.workflow.RunbookWorkflowImplTest.step;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeboat.activities.failover.StreamingPair;
import dev.lifeboat.activities.ssh.SshServerExtension;
import dev.lifeboat.activities.ssh.SshServerFixture;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code start-failover} runbooks run through Temporal's test server with the real activities
 * against a real sshd, a real primary + streaming standby and a real HTTP server: how each way of
 * failing ends the run, and a failover that works (issue 3, point 6).
 */
class FailoverRunsTest {
  @RegisterExtension static final TestWorkflowExtension temporal = WorkflowRig.extension();
  @RegisterExtension static final SshServerExtension sshd = new SshServerExtension();

  static RealFailoverParts parts;

  @TempDir Path dir;

  private WorkflowClient client;
  private String taskQueue;

  @BeforeAll
  static void startParts() throws Exception {
    parts = RealFailoverParts.start(sshd.server());
  }

  @AfterAll
  static void stopParts() throws Exception {
    if (parts != null) {
      parts.close();
    }
  }

  @BeforeEach
  void startWorker(TestWorkflowEnvironment env, Worker worker) {
    parts.register(worker);
    env.start();
    client = env.getWorkflowClient();
    taskQueue = worker.getTaskQueue();
  }

  /** One start-failover step with the given policy and actions (YAML list items). */
  private RunState run(String runId, String retry, String... actions) {
    String yaml =
        """
        name: failover-case
        title: One way a failover goes
        owner: dba-team
        objectives: {rto: 5m, rpo: 1h}
        stages:
          - name: switch
            steps:
              - id: fail-over
                kind: start-failover
                timeout: 30s
                retry: %s
                actions:
        %s
        """
            .formatted(retry, "          - " + String.join("\n          - ", actions));
    return RealFailoverParts.run(
        client, taskQueue, RealFailoverParts.launch(runId, "case.yml", yaml, Map.of()));
  }

  /** The failover step of a run that must have failed because of it. */
  private static StepState failedStep(RunState state) {
    StepState failover = step(state, "fail-over");
    assertThat(failover.status())
        .as("the failover step: %s", failover)
        .isEqualTo(StepStatus.FAILED);
    assertThat(state.status()).as("the run ends failed").isEqualTo(RunStatus.FAILED);
    return failover;
  }

  @Test
  void aHostThatIsDownFailsTheRunAfterTheStepsAttemptsNamingHostAndPort() {
    long started = System.nanoTime();

    RunState state =
        run(
            "host-down",
            "{attempts: 3, initial_interval: 100ms, backoff: 1.0}",
            "ssh: {host: down-host, run: \"true\"}");

    StepState failover = failedStep(state);
    assertThat(failover.summary())
        .startsWith("action 1 of 1 (ssh down-host) failed: host down-host (127.0.0.1:")
        .contains("127.0.0.1:" + parts.closedPort + ") is not reachable")
        .contains("gave up after 2 attempts");
    assertThat(failover.attempt()).as("the step's retry policy ran out").isEqualTo(3);
    assertThat(RealFailoverParts.attempts(client, "host-down"))
        .as("Temporal's own count of attempts, from the run's history")
        .containsExactly("Command attempt 3");
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .as("bounded: three attempts of two refused connects, not a hang")
        .isLessThan(Duration.ofSeconds(20));
  }

  @Test
  void aHostKeyThatDoesNotMatchFailsAtOnceNamingHostAndFingerprint() throws Exception {
    RunState state =
        run(
            "wrong-key",
            "{attempts: 3, initial_interval: 100ms}",
            "ssh: {host: impostor, run: \"true\"}");

    StepState failover = failedStep(state);
    assertThat(failover.summary())
        .startsWith("action 1 of 1 (ssh impostor) failed: host impostor (127.0.0.1:")
        .contains(parts.sshd.hostKeyFingerprint())
        .contains("does NOT match");
    assertThat(RealFailoverParts.attempts(client, "wrong-key"))
        .as("a host key that does not match is not retried")
        .containsExactly("Command attempt 1");
  }

  @Test
  void aCommandThatExitsNonZeroNamesTheCodeAndTheEndOfStderr() {
    RunState state =
        run(
            "exit-3",
            "{attempts: 1}",
            "ssh: {host: standby-1, run: \"echo stopping >&2; echo pgbouncer: not loaded >&2;"
                + " exit 3\"}",
            "promote: {server: standby}");

    StepState failover = failedStep(state);
    assertThat(failover.summary())
        .isEqualTo(
            "action 1 of 2 (ssh standby-1) failed: command on host standby-1 exited with 3,"
                + " expected 0; stderr ends: stopping\npgbouncer: not loaded; not run: promote"
                + " standby");
    assertThat(StreamingPair.queryText(parts.pair.standby(), "SELECT pg_is_in_recovery()"))
        .as("the standby must not be promoted after the fencing command failed")
        .isEqualTo("t");
  }

  @Test
  void aCommandThatOutlivesItsTimeoutIsKilledOnTheHost() throws Exception {
    String marker = "lifeboat-failover-" + UUID.randomUUID();

    RunState state =
        run(
            "timeout",
            "{attempts: 1}",
            "ssh: {host: standby-1, run: \"sleep 60 # " + marker + "\", timeout: 5s}");

    StepState failover = failedStep(state);
    assertThat(failover.summary())
        .isEqualTo(
            "action 1 of 1 (ssh standby-1) failed: command on host standby-1 (127.0.0.1:"
                + parts.sshd.port()
                + ") timed out after 5s; remote command killed");
    assertThat(SshServerFixture.processesMatching(marker))
        .as("no process of the timed-out command may be left on the host")
        .isEmpty();
  }

  @Test
  void promotingAServerThatIsNotInRecoveryFailsAtOnceSayingItIsAPrimary() {
    RunState state =
        run(
            "not-standby",
            "{attempts: 3, initial_interval: 100ms}",
            "promote: {server: primary, wait_for_writes: 5s}");

    StepState failover = failedStep(state);
    assertThat(failover.summary())
        .startsWith(
            "action 1 of 1 (promote primary) failed: PostgreSQL server 'primary' (127.0.0.1:")
        .contains("is a primary, not a standby: it is not in recovery");
    assertThat(RealFailoverParts.attempts(client, "not-standby"))
        .as("naming the wrong server is not retried")
        .containsExactly("PromoteStandby attempt 1");
  }

  @Test
  void aFailoverFencesPromotesTheStandbyAndSwitchesTheLoadBalancer() throws Exception {
    Path fenced = dir.resolve("fenced");
    String url = parts.http.base() + "/api/pools/db";

    RunState state =
        run(
            "fail-over",
            "{attempts: 2, initial_interval: 100ms}",
            "ssh: {host: standby-1, run: \"echo fenced > " + fenced + "\"}",
            "promote: {server: standby, wait_for_writes: 20s}",
            "http: {method: PUT, url: \""
                + url
                + "?force=1\", headers: {Authorization: Bearer t0k3n, Content-Type:"
                + " application/json}, body: '{\"active\":\"standby\"}', expect_status: 200}");

    StepState failover = step(state, "fail-over");
    assertThat(state.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(failover.summary())
        .matches(
            "3 actions: ssh standby-1 exit 0; promoted standby at LSN [0-9A-F]+/[0-9A-F]+ \\(replay"
                + " lag [^)]+\\); PUT http://127\\.0\\.0\\.1:\\d+/api/pools/db → 200");
    assertThat(Files.readString(fenced)).isEqualTo("fenced\n");
    StreamingPair.execute(
        parts.pair.standby(), "CREATE TABLE written_after_failover (id int PRIMARY KEY)");
    assertThat(StreamingPair.queryText(parts.pair.standby(), "SELECT pg_is_in_recovery()"))
        .as("the promoted standby is a primary now")
        .isEqualTo("f");
    assertThat(parts.http.calls())
        .containsExactly(
            new HttpRecorder.Call(
                "PUT",
                "/api/pools/db",
                "Bearer t0k3n",
                "application/json",
                "{\"active\":\"standby\"}"));
    assertThat(failover.summary()).doesNotContain("t0k3n").doesNotContain("force=1");
  }
}
