package dev.lifeboat.workflow;

import static dev.lifeboat.workflow.Plans.plan;
import static dev.lifeboat.workflow.Plans.stage;
import static dev.lifeboat.workflow.Plans.verify;
import static dev.lifeboat.workflow.RunbookWorkflowImplTest.step;
import static dev.lifeboat.workflow.TabletopWalkTest.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.runbook.OnFailure;
import dev.lifeboat.runbook.Runbook;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PausedStepsTest {
  @RegisterExtension static final TestWorkflowExtension temporal = WorkflowRig.extension();

  final WorkflowRig rig = new WorkflowRig();

  /** A step that pauses on failure, then one after it. */
  static final Runbook PAUSING =
      plan(
          stage(
              "load",
              verify(
                  "flaky",
                  Plans.policy(Duration.ofSeconds(10), Plans.QUICK_RETRY, OnFailure.PAUSE))),
          stage("check", verify("after")));

  @BeforeEach
  void startWorker(TestWorkflowEnvironment env, Worker worker) {
    rig.start(env, worker);
  }

  RunbookWorkflow pausedRun(String runId, RunMode mode) {
    rig.start(new RunInput(runId, PAUSING, mode, Map.of(), "alice"));
    RunbookWorkflow workflow = rig.existing(runId);
    await(workflow, s -> s.status() == RunStatus.PAUSED);
    return workflow;
  }

  @Test
  void aFailedStepPausesTheRunAndARetryRunsItAgain() {
    rig.script.on("flaky", StepScript.failFirst(1, StepFailureType.BAD_INPUT));
    RunbookWorkflow workflow = pausedRun("pause-retry", RunMode.DRILL);
    RunState paused = workflow.state();
    assertThat(step(paused, "flaky").status()).isEqualTo(StepStatus.AWAITING_DECISION);
    assertThat(step(paused, "flaky").summary()).contains("planned failure on attempt 1");
    assertThat(step(paused, "after").status()).isEqualTo(StepStatus.PENDING);
    // The run shows paused before the notice that tells of it has gone out.
    Awaitility.await("the pause told on the log channel")
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(rig.notify.requests())
                    .singleElement()
                    .satisfies(
                        request ->
                            assertThat(request.template())
                                .contains("is paused: step flaky failed")));

    assertRefused(
        workflow, decide("flaky", StepDecision.RETRY, null, "viewer"), "needs the role operator");
    assertRefused(
        workflow, decide("after", StepDecision.RETRY, null, "operator"), "not awaiting a decision");
    StepState decided =
        workflow.decide(decide("flaky", StepDecision.RETRY, "fixed the mount", "operator"));
    assertThat(decided.decisions()).extracting(Decision::by).containsExactly("bob");

    RunState end = await(workflow, s -> s.status().isTerminal());
    assertThat(end.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(step(end, "flaky").status()).isEqualTo(StepStatus.SUCCEEDED);
    assertThat(step(end, "flaky").decisions())
        .extracting(Decision::decision)
        .containsExactly("retry");
    assertThat(rig.script.attempts("flaky")).isEqualTo(2);
    assertThat(rig.record.types())
        .containsSubsequence(
            "step.started",
            "step.awaiting_decision",
            "step.decided",
            "step.started",
            "step.succeeded");
  }

  @Test
  void aSkipNeedsAReasonAndIsADeviationNotAPlainSuccess() {
    rig.script.on("flaky", StepScript.failAlways(StepFailureType.BAD_INPUT, "disk full"));
    RunbookWorkflow workflow = pausedRun("pause-skip", RunMode.DRILL);
    assertRefused(
        workflow, decide("flaky", StepDecision.SKIP, " ", "operator"), "a skip needs a reason");

    workflow.decide(decide("flaky", StepDecision.SKIP, "restored by hand", "operator"));

    RunState end = await(workflow, s -> s.status().isTerminal());
    assertThat(end.status()).isEqualTo(RunStatus.SUCCEEDED_WITH_FAILURES);
    assertThat(step(end, "flaky").status()).isEqualTo(StepStatus.SKIPPED);
    assertThat(step(end, "flaky").summary())
        .isEqualTo("skipped by bob after it failed (disk full): restored by hand");
    assertThat(step(end, "after").status()).isEqualTo(StepStatus.SUCCEEDED);
  }

  @Test
  void anAbortFailsTheRunAndARecoveryNeedsACommanderToDecide() {
    rig.script.on("flaky", StepScript.failAlways(StepFailureType.BAD_INPUT, "disk full"));
    RunbookWorkflow workflow = pausedRun("pause-abort", RunMode.RECOVERY);
    assertRefused(
        workflow,
        decide("flaky", StepDecision.ABORT, null, "operator"),
        "needs the role commander");

    workflow.decide(decide("flaky", StepDecision.ABORT, "give up", "commander"));

    RunState end = await(workflow, s -> s.status().isTerminal());
    assertThat(end.status()).isEqualTo(RunStatus.FAILED);
    assertThat(step(end, "flaky").summary()).endsWith("bob decided to abort the run: give up");
    assertThat(step(end, "after").status()).isEqualTo(StepStatus.SKIPPED);
  }

  @Test
  void anAbortedDrillStillRunsTheUndoRegisteredBeforeThePause() {
    rig.script.on("flaky", StepScript.failAlways(StepFailureType.BAD_INPUT, "disk full"));
    Runbook plan =
        plan(
            stage(
                "restore",
                Plans.undoneBy(Plans.restore("scratch", Plans.ABORT), Plans.sql("drop"))),
            PAUSING.stages().get(0),
            PAUSING.stages().get(1));
    rig.start(new RunInput("pause-undo", plan, RunMode.DRILL, Map.of(), "alice"));
    RunbookWorkflow workflow = rig.existing("pause-undo");
    await(workflow, s -> s.status() == RunStatus.PAUSED);

    workflow.decide(decide("flaky", StepDecision.ABORT, "give up", "operator"));

    RunState end = await(workflow, s -> s.status().isTerminal());
    assertThat(end.status()).isEqualTo(RunStatus.FAILED);
    assertThat(rig.script.log()).containsSubsequence("end scratch", "start drop", "end drop");
    assertThat(end.cleanup().describe()).isEqualTo("complete");
    assertThat(rig.record.types())
        .containsSubsequence("step.decided", "undo.started", "undo.succeeded", "run.cleanup");
  }

  @Test
  void cancellingAPausedRunEndsItCancelled() {
    rig.script.on("flaky", StepScript.failAlways(StepFailureType.BAD_INPUT, "disk full"));
    RunbookWorkflow workflow = pausedRun("pause-cancel", RunMode.DRILL);
    WorkflowStub stub = rig.client().newUntypedWorkflowStub("pause-cancel");
    stub.cancel();
    assertThatThrownBy(() -> stub.getResult(RunState.class))
        .isInstanceOf(WorkflowFailedException.class)
        .hasCauseInstanceOf(CanceledFailure.class);
    RunState end = workflow.state();
    assertThat(end.status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(step(end, "flaky").status()).isEqualTo(StepStatus.FAILED);
    assertThat(step(end, "after").status()).isEqualTo(StepStatus.SKIPPED);
  }

  static DecideRequest decide(String stepId, StepDecision decision, String reason, String role) {
    return new DecideRequest(stepId, decision, reason, "bob", role);
  }

  static void assertRefused(RunbookWorkflow workflow, DecideRequest request, String why) {
    assertThatThrownBy(() -> workflow.decide(request))
        .as("deciding %s", request)
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining(why);
  }
}
