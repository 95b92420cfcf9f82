package dev.lifeboat.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifeboat.runbook.Durations;
import dev.lifeboat.runbook.ParseResult;
import dev.lifeboat.runbook.RunBindings;
import dev.lifeboat.runbook.RunbookParser;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Whatever {@code check} accepts must run (tracker 9.4): a plan with every duration field at the
 * longest allowed, 365d, and a hundred attempts, starts every step on Temporal and is cancelled
 * promptly. (A timeout of 106751991167300d used to leave the run pending forever, deaf to cancel;
 * the reader now refuses it, see HostileRunbooksTest.)
 */
class LongestDurationsTest {
  @RegisterExtension static final TestWorkflowExtension temporal = WorkflowRig.extension();

  private static final String LONGEST =
      """
      name: longest
      title: Every duration at the longest a runbook may write
      owner: tests
      objectives: {rto: 365d, rpo: 365d}
      stages:
        - name: all-at-once
          steps:
            - id: verify
              kind: verify-backup
              path: /backups/x.dump
              max_age: 365d
              timeout: 365d
              retry: {attempts: 100, initial_interval: 365d, backoff: 1000}
            - id: probe
              kind: health-check
              tcp: {host: probe-host, port: 5432, connect_timeout: 365d}
              until_healthy: 364d23h59m59s999ms   # must be shorter than timeout
              poll_interval: 365d
              timeout: 365d
              retry: {attempts: 100, initial_interval: 365d}
            - id: run
              kind: command
              host: cmd-host
              run: "true"
              timeout: 365d
              retry: {attempts: 100, initial_interval: 365d}
            - id: fail-over
              kind: start-failover
              timeout: 365d
              retry: {attempts: 100, initial_interval: 365d}
              actions:
                - ssh: {host: fence-host, run: "true", timeout: 364d23h59m59s999ms}
                - promote: {server: standby, wait_for_writes: 364d23h59m59s999ms}
                - http: {method: POST, url: "http://lb.example/switch", timeout: 364d23h59m59s999ms}
            - id: tell
              kind: notify
              channel: log
              message: hi
              timeout: 365d
              retry: {attempts: 100, initial_interval: 365d}
            - id: restore
              kind: restore-data
              source: /backups/x.dump
              server: local
              database: blocker
              timeout: 365d
              retry: {attempts: 100, initial_interval: 365d, backoff: 1000}
      """;

  final WorkflowRig rig = new WorkflowRig();

  @BeforeEach
  void startWorker(TestWorkflowEnvironment env, Worker worker) {
    rig.start(env, worker);
  }

  @Test
  void runsEveryStepAndIsCancelledWithEveryDurationAtTheMaximum() throws Exception {
    assertThat(Durations.MAX).isEqualTo(Duration.ofDays(365));
    ParseResult parsed =
        new RunbookParser()
            .resolve(
                "longest.yml", LONGEST, new RunBindings("run-longest", "drill", "t", Map.of()));
    assertThat(parsed.problems()).as("the plan is within every bound").isEmpty();
    // Verify is not waited for when cancelled (it does not heartbeat), so the cancel is prompt.
    CountDownLatch verifying = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    rig.script.on(
        "/backups/x.dump",
        attempt -> {
          verifying.countDown();
          release.await(60, TimeUnit.SECONDS);
        });

    WorkflowStub run =
        rig.start(
            new RunInput(
                "run-longest", parsed.runbook().orElseThrow(), RunMode.DRILL, Map.of(), "t"));
    try {
      assertThat(verifying.await(30, TimeUnit.SECONDS))
          .as("the verify step started on Temporal")
          .isTrue();
      awaitOthersSucceeded();

      run.cancel();

      assertThatThrownBy(() -> run.getResult(30, TimeUnit.SECONDS, RunState.class))
          .isInstanceOf(WorkflowFailedException.class)
          .hasCauseInstanceOf(CanceledFailure.class);
      assertThat(rig.existing("run-longest").state().status()).isEqualTo(RunStatus.CANCELLED);
    } finally {
      release.countDown();
    }
  }

  /** Every step but the verify ran to success: Temporal took each one's options. */
  private void awaitOthersSucceeded() {
    Awaitility.await("every step but the verify to succeed")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> rig.existing("run-longest").state().steps(),
            steps ->
                steps.stream()
                    .filter(step -> !step.stepId().equals("verify"))
                    .allMatch(step -> step.status() == StepStatus.SUCCEEDED));
  }
}
