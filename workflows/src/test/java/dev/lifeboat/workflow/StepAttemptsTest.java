package dev.lifeboat.workflow;

import static dev.lifeboat.workflow.Plans.drill;
import static dev.lifeboat.workflow.Plans.plan;
import static dev.lifeboat.workflow.Plans.stage;
import static dev.lifeboat.workflow.Plans.verify;
import static dev.lifeboat.workflow.RunbookWorkflowImplTest.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.StepFailures;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Temporal retries a step's activity and tells the workflow only the last failure; the worker's
 * {@link StepAttemptsInterceptor} reports every one, so the step's state and the record list each
 * failed attempt with its time and message.
 */
class StepAttemptsTest {
  @RegisterExtension static final TestWorkflowExtension temporal = WorkflowRig.extension();

  final WorkflowRig rig = new WorkflowRig();

  @BeforeEach
  void startWorker(TestWorkflowEnvironment env, Worker worker) {
    rig.start(env, worker);
  }

  List<RunEvent> attemptEvents(String stepId) {
    return rig.record.events().stream()
        .filter(event -> event.type() == RunEventType.STEP_ATTEMPT_FAILED)
        .filter(event -> event.stepId().equals(stepId))
        .toList();
  }

  @Test
  void aStepThatFailsTwiceThenSucceedsHasBothFailuresRecorded() {
    Instant before = Instant.now();
    rig.script.on("flaky", StepScript.failFirst(2, StepFailureType.UNAVAILABLE));

    RunState state =
        rig.run(drill("att-recovers", plan(stage("s", verify("flaky", Plans.attempts(3))))));

    StepState flaky = step(state, "flaky");
    assertThat(flaky.status()).isEqualTo(StepStatus.SUCCEEDED);
    assertThat(flaky.attempt())
        .as("two failed attempts, so the success was the third")
        .isEqualTo(3);
    assertThat(flaky.failedAttempts())
        .extracting(AttemptFailure::attempt, AttemptFailure::type, AttemptFailure::message)
        .containsExactly(
            tuple(1, "UNAVAILABLE", "planned failure on attempt 1"),
            tuple(2, "UNAVAILABLE", "planned failure on attempt 2"));
    assertThat(flaky.failedAttempts())
        .allSatisfy(
            failed -> {
              assertThat(failed.at()).isBetween(before, Instant.now());
              assertThat(failed.activityType()).isEqualTo("VerifyBackup");
            });
    assertThat(flaky.failedAttempts().get(0).at()).isBefore(flaky.failedAttempts().get(1).at());
    assertThat(attemptEvents("flaky"))
        .extracting(RunEvent::attempt, RunEvent::message)
        .containsExactly(
            tuple(1, "attempt 1 failed: planned failure on attempt 1"),
            tuple(2, "attempt 2 failed: planned failure on attempt 2"));
    assertThat(attemptEvents("flaky"))
        .extracting(event -> String.valueOf(((Map<?, ?>) event.detail()).get("at")))
        .as("each event's detail is the attempt's failure, with its time")
        .containsExactly(
            flaky.failedAttempts().get(0).at().toString(),
            flaky.failedAttempts().get(1).at().toString());
    assertThat(rig.record.types())
        .as("the attempts are recorded before the step's end")
        .containsSubsequence(
            "step.started", "step.attempt_failed", "step.attempt_failed", "step.succeeded");
  }

  @Test
  void aStepThatFailsEveryAttemptHasEveryFailureRecorded() {
    rig.script.on("broken", StepScript.failFirst(99, StepFailureType.UNAVAILABLE));

    RunState state =
        rig.run(drill("att-exhausted", plan(stage("s", verify("broken", Plans.attempts(3))))));

    StepState broken = step(state, "broken");
    assertThat(broken.status()).isEqualTo(StepStatus.FAILED);
    assertThat(broken.attempt()).isEqualTo(3);
    assertThat(broken.failedAttempts())
        .extracting(AttemptFailure::attempt, AttemptFailure::message)
        .containsExactly(
            tuple(1, "planned failure on attempt 1"),
            tuple(2, "planned failure on attempt 2"),
            tuple(3, "planned failure on attempt 3"));
    assertThat(attemptEvents("broken")).hasSize(3);
    assertThat(broken.summary()).isEqualTo("planned failure on attempt 3");
  }

  @Test
  void aFailureThatIsNotRetriedIsRecordedOnce() {
    rig.script.on("typo", StepScript.failAlways(StepFailureType.BAD_INPUT, "no such file /bakup"));

    RunState state =
        rig.run(drill("att-bad-input", plan(stage("s", verify("typo", Plans.attempts(3))))));

    assertThat(step(state, "typo").failedAttempts())
        .extracting(AttemptFailure::attempt, AttemptFailure::type, AttemptFailure::message)
        .containsExactly(tuple(1, "BAD_INPUT", "no such file /bakup"));
  }

  @Test
  void eachActionOfAFailoverHasItsOwnAttempts() {
    rig.script.on("fo-standby", StepScript.failFirst(1, StepFailureType.UNAVAILABLE));

    RunState state =
        rig.run(drill("att-failover", plan(stage("s", Plans.failover("fo", Plans.ABORT)))));

    assertThat(step(state, "fo").status()).isEqualTo(StepStatus.SUCCEEDED);
    assertThat(step(state, "fo").failedAttempts())
        .singleElement()
        .satisfies(
            failed -> {
              assertThat(failed.activityType()).isEqualTo("PromoteStandby");
              assertThat(failed.attempt()).isEqualTo(1);
            });
  }

  @Test
  void aRepeatedReportOfTheSameAttemptIsRecordedOnce() throws Exception {
    CountDownLatch retrying = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    rig.script.on(
        "flaky",
        attempt -> {
          if (attempt == 1) {
            throw StepFailures.of(StepFailureType.UNAVAILABLE, "first try fails");
          }
          retrying.countDown();
          release.await();
        });
    WorkflowStub run =
        rig.start(drill("att-repeat", plan(stage("s", verify("flaky", Plans.attempts(2))))));
    retrying.await();
    RunbookWorkflow workflow = rig.existing("att-repeat");
    AttemptFailure reported = awaitFailedAttempt(workflow, "flaky");

    rig.client()
        .newUntypedWorkflowStub("att-repeat")
        .signal(RunbookWorkflow.ATTEMPT_FAILED, reported);
    release.countDown();
    RunState state = run.getResult(RunState.class);

    assertThat(step(state, "flaky").failedAttempts()).containsExactly(reported);
    assertThat(attemptEvents("flaky"))
        .as("one event for the attempt, however often reported")
        .hasSize(1);
  }

  static AttemptFailure awaitFailedAttempt(RunbookWorkflow workflow, String stepId) {
    return Awaitility.await("a failed attempt of " + stepId + " to be reported")
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> step(workflow.state(), stepId).failedAttempts(), failed -> !failed.isEmpty())
        .get(0);
  }
}
