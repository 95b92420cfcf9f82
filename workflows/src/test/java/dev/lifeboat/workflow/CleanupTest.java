package dev.lifeboat.workflow;

import static dev.lifeboat.workflow.Plans.plan;
import static dev.lifeboat.workflow.Plans.stage;
import static dev.lifeboat.workflow.Plans.undoneBy;
import static dev.lifeboat.workflow.Plans.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.runbook.OnFailure;
import dev.lifeboat.runbook.Runbook;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A step's undo is registered before the step starts; at the end of a drill every registered undo
 * runs, newest first, after success, failure or cancel, and the run says whether cleanup is
 * complete. A recovery runs none.
 */
class CleanupTest {
  @RegisterExtension static final TestWorkflowExtension temporal = WorkflowRig.extension();

  final WorkflowRig rig = new WorkflowRig();

  @BeforeEach
  void startWorker(TestWorkflowEnvironment env, Worker worker) {
    rig.start(env, worker);
  }

  /** Restores into {@code a}, then into {@code b}; each undone by dropping it. */
  static Runbook twoRestores(StepScriptPolicy second) {
    return plan(
        stage("one", undoneBy(Plans.restore("a", Plans.ABORT), Plans.sql("drop-a"))),
        stage("two", undoneBy(Plans.restore("b", second.policy), Plans.sql("drop-b"))),
        stage("three", verify("c")));
  }

  record StepScriptPolicy(dev.lifeboat.runbook.StepPolicy policy) {}

  @Test
  void runsEveryUndoNewestFirstAfterSuccess() {
    RunState state =
        rig.run(Plans.drill("undo-ok", twoRestores(new StepScriptPolicy(Plans.ABORT))));

    assertThat(state.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(rig.script.log())
        .containsSubsequence("end c", "start drop-b", "end drop-b", "start drop-a", "end drop-a");
    assertThat(state.cleanup().describe()).isEqualTo("complete");
    assertThat(state.cleanup().undos())
        .extracting(UndoState::undoId, UndoState::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("drop-a", "succeeded"),
            org.assertj.core.groups.Tuple.tuple("drop-b", "succeeded"));
    List<String> types = rig.record.types();
    assertThat(types)
        .as("each undo is registered before its step starts")
        .containsSubsequence("undo.registered", "step.started", "undo.registered", "step.started");
    assertThat(types)
        .containsSubsequence(
            "undo.started", "undo.succeeded", "undo.started", "undo.succeeded", "run.cleanup");
    assertThat(types).last().isEqualTo("run.succeeded");
    assertThat(lastMessage()).endsWith("; cleanup: complete");
  }

  @Test
  void undoesOnlyWhatStartedAfterAFailureAndSaysWhichUndoFailed() {
    rig.script.on("b", StepScript.failAlways(StepFailureType.BAD_INPUT, "broken dump"));
    rig.script.on("drop-a", StepScript.failAlways(StepFailureType.BAD_INPUT, "no privilege"));

    RunState state =
        rig.run(Plans.drill("undo-fail", twoRestores(new StepScriptPolicy(Plans.ABORT))));

    assertThat(state.status()).isEqualTo(RunStatus.FAILED);
    assertThat(rig.script.log())
        .as("the failed step's undo still runs: it was registered before the step started")
        .containsSubsequence("end b", "start drop-b", "end drop-b", "start drop-a");
    assertThat(rig.script.log()).doesNotContain("start c");
    assertThat(state.cleanup().describe()).isEqualTo("incomplete (a)");
    assertThat(rig.record.types()).contains("undo.failed");
    assertThat(lastMessage()).endsWith("; cleanup: incomplete (a)");
  }

  @Test
  void runsTheUndosOfACancelledDrill() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    rig.script.on("b", StepScript.heartbeatUntil(started, new CountDownLatch(1)));
    var shortHeartbeat = Plans.policy(Duration.ofSeconds(2), Plans.QUICK_RETRY, OnFailure.ABORT);
    WorkflowStub run =
        rig.start(Plans.drill("undo-cancel", twoRestores(new StepScriptPolicy(shortHeartbeat))));
    started.await();

    run.cancel();

    assertThatThrownBy(() -> run.getResult(RunState.class))
        .isInstanceOf(WorkflowFailedException.class);
    RunState state = rig.existing("undo-cancel").state();
    assertThat(state.status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(rig.script.log())
        .as("the cancelled restore stopped, then both undos ran")
        .containsSubsequence("end b", "start drop-b", "end drop-b", "start drop-a", "end drop-a");
    assertThat(state.cleanup().describe()).isEqualTo("complete");
    assertThat(rig.record.types()).last().isEqualTo("run.cancelled");
  }

  @Test
  void aRecoveryRegistersUndosButRunsNone() {
    RunState state =
        rig.run(
            new RunInput(
                "undo-recovery",
                twoRestores(new StepScriptPolicy(Plans.ABORT)),
                RunMode.RECOVERY,
                Map.of(),
                "carol"));

    assertThat(state.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(rig.script.log()).noneMatch(line -> line.contains("drop-"));
    assertThat(state.cleanup().status()).isEqualTo("not_run");
    assertThat(rig.record.types()).contains("undo.registered", "run.cleanup");
  }

  @Test
  void aRunWithoutUndosEndsAsBefore() {
    RunState state = rig.run(Plans.drill("no-undo", plan(stage("one", verify("a")))));

    assertThat(state.cleanup()).isNull();
    assertThat(rig.record.types()).doesNotContain("run.cleanup");
    assertThat(lastMessage()).isEqualTo("all 1 steps succeeded");
  }

  private String lastMessage() {
    List<RunEvent> events = rig.record.events();
    return events.get(events.size() - 1).message();
  }
}
