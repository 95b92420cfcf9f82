package dev.lifeboat.workflow;

import static dev.lifeboat.workflow.Plans.ABORT;
import static dev.lifeboat.workflow.Plans.command;
import static dev.lifeboat.workflow.Plans.drill;
import static dev.lifeboat.workflow.Plans.plan;
import static dev.lifeboat.workflow.Plans.stage;
import static dev.lifeboat.workflow.Plans.verify;
import static dev.lifeboat.workflow.RunbookWorkflowImplTest.step;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeboat.runbook.Runbook;
import dev.lifeboat.runbook.StepPolicy;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A step that says {@code modes:} runs only in runs of those modes; in any other run it is skipped,
 * saying why, on the board and in the record, and never called.
 */
class StepModesTest {
  @RegisterExtension static final TestWorkflowExtension temporal = WorkflowRig.extension();

  private static final StepPolicy RECOVERY_ONLY =
      new StepPolicy(
          ABORT.timeout(), ABORT.retry(), ABORT.onFailure(), null, null, List.of("recovery"));

  /** A check, then a fence that only a recovery runs, then a check again. */
  private static final Runbook PLAN =
      plan(
          stage("before", verify("dump")),
          stage("fence", command("fence").withPolicy(RECOVERY_ONLY), command("tell-dba")),
          stage("after", verify("again")));

  final WorkflowRig rig = new WorkflowRig();

  @BeforeEach
  void startWorker(TestWorkflowEnvironment env, Worker worker) {
    rig.start(env, worker);
  }

  @Test
  void aDrillSkipsAStepThatRunsOnlyInRecoveriesSayingWhy() {
    RunState state = rig.run(drill("modes-drill", PLAN));

    assertThat(state.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(rig.script.log())
        .doesNotContain("start fence")
        .contains("start dump", "start tell-dba", "start again");
    StepState fence = step(state, "fence");
    assertThat(fence.status()).isEqualTo(StepStatus.SKIPPED);
    assertThat(fence.summary())
        .isEqualTo("not run in a drill: the step runs only in recovery (modes: [recovery])");
    assertThat(rig.record.events())
        .filteredOn(event -> "fence".equals(event.stepId()))
        .extracting(RunEvent::type, RunEvent::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                RunEventType.STEP_SKIPPED,
                "not run in a drill: the step runs only in recovery (modes: [recovery])"));
  }

  @Test
  void aRecoveryRunsIt() {
    RunState state =
        rig.run(new RunInput("modes-recovery", PLAN, RunMode.RECOVERY, Map.of(), "carol"));

    assertThat(state.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(rig.script.log()).contains("start fence");
    assertThat(step(state, "fence").status()).isEqualTo(StepStatus.SUCCEEDED);
  }

  @Test
  void aTabletopWalkDoesNotPromptIt() throws Exception {
    WorkflowStub run =
        rig.start(new RunInput("modes-tabletop", PLAN, RunMode.TABLETOP, Map.of(), "alice"));
    RunbookWorkflow walk = rig.existing("modes-tabletop");
    for (String id : List.of("dump", "tell-dba", "again")) {
      while (step(walk.state(), id).status() != StepStatus.AWAITING_ACK) {
        Thread.sleep(20);
      }
      walk.acknowledge(new AcknowledgeRequest(id, AckOutcome.OK, null, "bob"));
    }
    RunState end = run.getResult(RunState.class);

    assertThat(end.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(step(end, "fence").status()).isEqualTo(StepStatus.SKIPPED);
    assertThat(step(end, "fence").summary())
        .isEqualTo("not run in a tabletop: the step runs only in recovery (modes: [recovery])");
  }
}
