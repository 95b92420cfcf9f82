package dev.lifeboat.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeboat.activities.Sha256;
import dev.lifeboat.activities.Tarballs;
import dev.lifeboat.activities.backup.VerifyBackupActivityImpl;
import dev.lifeboat.activities.health.HealthCheckActivityImpl;
import dev.lifeboat.activities.postgres.ConfiguredPostgresServers;
import dev.lifeboat.activities.postgres.PgTools;
import dev.lifeboat.activities.restore.RestoreDataActivityImpl;
import dev.lifeboat.activities.ssh.ConfiguredSshHosts;
import dev.lifeboat.activities.ssh.JschRemoteShell;
import dev.lifeboat.activities.ssh.RemoteHosts;
import dev.lifeboat.activities.ssh.SshServerExtension;
import dev.lifeboat.activities.ssh.SshSettings;
import dev.lifeboat.runbook.ParseResult;
import dev.lifeboat.runbook.RunBindings;
import dev.lifeboat.runbook.RunbookParser;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A runbook using the over-SSH variants, parsed and resolved as the app does, run by the real
 * workflow on Temporal's test server with the real activities against a real OpenSSH server.
 */
class RemoteStepsWorkflowTest {
  @RegisterExtension static final TestWorkflowExtension temporal = WorkflowRig.extension();

  @RegisterExtension static final SshServerExtension sshd = new SshServerExtension();

  @TempDir Path dir;
  private WorkflowClient client;
  private String taskQueue;

  @BeforeEach
  void startWorker(TestWorkflowEnvironment env, Worker worker) {
    RemoteHosts remote =
        new RemoteHosts(
            new ConfiguredSshHosts(Map.of("test-sshd", sshd.host())),
            new JschRemoteShell(SshSettings.standard(), Map.of()));
    var servers = new ConfiguredPostgresServers(Map.of());
    PgTools tools = PgTools.in(Path.of("/usr/bin"));
    worker.registerActivitiesImplementations(
        new VerifyBackupActivityImpl(Clock.systemUTC(), tools, remote),
        new RestoreDataActivityImpl(servers, tools, Clock.systemUTC(), remote),
        new HealthCheckActivityImpl(servers, HttpClient.newHttpClient(), Clock.systemUTC(), remote),
        new FakeRunRecordActivity());
    env.start();
    client = env.getWorkflowClient();
    taskQueue = worker.getTaskQueue();
  }

  private String plan(Path tarball, Path target) {
    return """
        name: restore-site-on-dr
        title: Restore the site's files on the DR host
        owner: ops-team
        objectives: {rto: 15m, rpo: 24h}
        params:
          tarball: {type: string, default: %s}
        stages:
          - name: verify
            steps:
              - id: verify-tarball
                kind: verify-backup
                host: test-sshd
                path: ${params.tarball}
                require_checksum: true
                retry: {attempts: 3, initial_interval: 10s}
          - name: restore
            steps:
              - id: extract
                kind: restore-data
                host: test-sshd
                source: ${params.tarball}
                to: %s
          - name: check
            steps:
              - id: site-answers
                kind: health-check
                ssh: {host: test-sshd, run: grep -q orders %s/index.html}
                until_healthy: 30s
                poll_interval: 200ms
        """
        .formatted(tarball, target, target);
  }

  private RunState run(String runId, String text) {
    ParseResult resolved =
        new RunbookParser(Set.of("test-sshd"))
            .resolve("restore-site.yml", text, new RunBindings(runId, "drill", "alice", Map.of()));
    assertThat(resolved.problems()).as("the plan parses with the configured host").isEmpty();
    RunbookWorkflow workflow =
        client.newWorkflowStub(
            RunbookWorkflow.class,
            WorkflowOptions.newBuilder().setTaskQueue(taskQueue).setWorkflowId(runId).build());
    return workflow.run(
        new RunInput(
            runId, resolved.runbook().orElseThrow(), RunMode.DRILL, resolved.params(), "alice"));
  }

  private static StepState step(RunState state, String id) {
    return state.steps().stream().filter(s -> s.stepId().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void verifiesRestoresAndChecksATarballOnTheHostAndAReRunRestoresNothing() throws IOException {
    Path tarball =
        Tarballs.create(dir.resolve("site.tgz"), Map.of("index.html", "<h1>orders</h1>\n"));
    Files.writeString(dir.resolve("site.tgz.sha256"), Sha256.of(tarball) + "  site.tgz\n");
    Path target = dir.resolve("www");

    RunState first = run("remote-1", plan(tarball, target));
    RunState second = run("remote-2", plan(tarball, target));

    assertThat(first.status()).as("first run: %s", first.steps()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(step(first, "verify-tarball").summary())
        .startsWith("gzip tarball on host test-sshd, ")
        .contains("sha256 verified, 2 entries");
    assertThat(step(first, "extract").summary())
        .startsWith("extracted 2 entries of gzip tarball " + tarball);
    assertThat(step(first, "site-answers").summary())
        .startsWith("'grep -q orders ")
        .contains("' on host test-sshd: healthy (exit 0)");
    assertThat(Files.readString(target.resolve("index.html"))).isEqualTo("<h1>orders</h1>\n");
    assertThat(second.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(step(second, "extract").summary()).contains("already holds this tarball");
  }

  @Test
  void failsAChecksumMismatchOnTheHostAtOnceWithoutRetrying() throws IOException {
    Path tarball = Tarballs.create(dir.resolve("site.tgz"), Map.of("index.html", "x\n"));
    Files.writeString(dir.resolve("site.tgz.sha256"), "0".repeat(64) + "  site.tgz\n");
    Path target = dir.resolve("www");

    long started = System.nanoTime();
    RunState state = run("remote-bad", plan(tarball, target));
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(state.status()).isEqualTo(RunStatus.FAILED);
    StepState verify = step(state, "verify-tarball");
    assertThat(verify.status()).isEqualTo(StepStatus.FAILED);
    assertThat(verify.summary())
        .startsWith("backup " + tarball + " on host test-sshd failed 1 check: sha256 mismatch: ");
    assertThat(took)
        .as("a mismatch is final: the 10s retry interval is never waited out")
        .isLessThan(Duration.ofSeconds(9));
    assertThat(step(state, "extract").status()).isEqualTo(StepStatus.SKIPPED);
    assertThat(target).doesNotExist();
  }
}
