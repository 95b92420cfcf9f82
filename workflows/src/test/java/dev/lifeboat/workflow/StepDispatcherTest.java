package dev.lifeboat.workflow;

import static dev.lifeboat.workflow.Plans.drill;
import static dev.lifeboat.workflow.Plans.plan;
import static dev.lifeboat.workflow.Plans.stage;
import static dev.lifeboat.workflow.RunbookWorkflowImplTest.step;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeboat.runbook.CommandStep;
import dev.lifeboat.runbook.HealthCheckStep;
import dev.lifeboat.runbook.NotifyStep;
import dev.lifeboat.runbook.RestoreDataStep;
import dev.lifeboat.runbook.SqlStep;
import dev.lifeboat.runbook.StartFailoverStep;
import dev.lifeboat.runbook.Step;
import dev.lifeboat.runbook.StepKind;
import dev.lifeboat.runbook.StepKinds;
import dev.lifeboat.runbook.VerifyBackupStep;
import dev.lifeboat.runbook.WaitStep;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StepDispatcherTest {
  @RegisterExtension static final TestWorkflowExtension temporal = WorkflowRig.extension();

  /**
   * One step of every kind; a new kind must be added here. A kind the workflow runs itself also
   * needs a routine in StepDispatcher.
   */
  static final Map<Class<?>, Step> SAMPLES =
      Map.of(
          VerifyBackupStep.class, Plans.verify("verify"),
          RestoreDataStep.class, Plans.restore("restore", Plans.ABORT),
          HealthCheckStep.class, Plans.health("health"),
          NotifyStep.class, Plans.notify("notify", "hello"),
          CommandStep.class, Plans.command("command"),
          StartFailoverStep.class, Plans.failover("failover", Plans.ABORT),
          SqlStep.class, Plans.sql("sql"),
          WaitStep.class, Plans.pause("wait", Duration.ofMillis(10)));

  final WorkflowRig rig = new WorkflowRig();

  @BeforeEach
  void startWorker(TestWorkflowEnvironment env, Worker worker) {
    rig.start(env, worker);
  }

  @Test
  void runsTheActivityOfEveryStepKind() {
    assertThat(SAMPLES.keySet())
        .as(
            "every step kind needs a sample here, and a routine in StepDispatcher when the"
                + " workflow runs it, or runs of it would fail with 'no routine runs steps of kind'")
        .containsExactlyInAnyOrderElementsOf(StepKinds.all().stream().map(StepKind::type).toList());

    RunState state =
        rig.run(drill("run-kinds", plan(stage("all", SAMPLES.values().toArray(Step[]::new)))));

    assertThat(state.steps())
        .filteredOn(step -> !step.kind().equals(StartFailoverStep.KIND))
        .filteredOn(step -> !step.kind().equals(WaitStep.KIND))
        .allSatisfy(
            step ->
                assertThat(step.summary())
                    .as("step %s (%s) ran its own activity", step.stepId(), step.kind())
                    .isEqualTo(step.stepId() + " done on attempt 1"));
    assertThat(List.of("failover-old-primary", "failover-standby", "http://lb.test/failover"))
        .as("a start-failover step runs the activity of each of its actions")
        .allSatisfy(action -> assertThat(rig.script.attempts(action)).isEqualTo(1));
    assertThat(step(state, "wait").summary())
        .as("a wait is the workflow's own timer")
        .isEqualTo("waited 10ms");
    assertThat(state.steps())
        .extracting(StepState::kind)
        .containsExactlyInAnyOrderElementsOf(StepKinds.names());
  }
}
