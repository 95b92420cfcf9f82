package dev.lifeboat.workflow;

import static dev.lifeboat.workflow.Plans.drill;
import static dev.lifeboat.workflow.Plans.plan;
import static dev.lifeboat.workflow.Plans.stage;
import static dev.lifeboat.workflow.Plans.verify;
import static dev.lifeboat.workflow.RunbookWorkflowImplTest.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.runbook.OnFailure;
import dev.lifeboat.runbook.Retry;
import dev.lifeboat.runbook.Runbook;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The events a run records rebuild exactly the steps its live board shows: what the workflow's
 * query answered while it ran is what the record shows once it is gone. Real runs on Temporal's
 * test server; the record is the fake's, fed to a fresh board ({@link BoardReplay}).
 */
class RecordedStepStatesTest {
  @RegisterExtension static final TestWorkflowExtension temporal = WorkflowRig.extension();

  final WorkflowRig rig = new WorkflowRig();

  @BeforeEach
  void startWorker(TestWorkflowEnvironment env, Worker worker) {
    rig.start(env, worker);
  }

  @Test
  void aRunThatSucceedsAfterRetriedAttempts() {
    rig.script.on("flaky", StepScript.failFirst(2, StepFailureType.UNAVAILABLE));
    Runbook plan =
        plan(
            stage("check", verify("flaky", Plans.attempts(3)), verify("a")),
            stage("b", verify("b")));

    RunState live = rig.run(drill("agree-retries", plan));

    assertThat(step(live, "flaky").failedAttempts()).hasSize(2);
    assertAgrees(plan, "agree-retries", live);
  }

  @Test
  void aRunThatAbortsSkipsTheRestAndStillRunsItsFinallyStages() {
    rig.script
        .on("bad", StepScript.failAlways(StepFailureType.CHECK_FAILED, "backup is 3 days old"))
        .on("optional", StepScript.failAlways(StepFailureType.CHECK_FAILED, "replica lags"));
    var once =
        Plans.policy(
            Duration.ofSeconds(10), new Retry(1, Duration.ofMillis(50), 1.0), OnFailure.ABORT);
    var continuePastIt =
        Plans.policy(
            Duration.ofSeconds(10), new Retry(2, Duration.ofMillis(50), 1.0), OnFailure.CONTINUE);
    Runbook plan =
        Plans.withFinally(
            plan(
                stage("first", verify("optional", continuePastIt), verify("ok")),
                stage("second", verify("bad", once), verify("sibling")),
                stage("third", verify("later"))),
            stage("tell", Plans.notify("tell", "${run.outcome}")),
            stage("after", verify("cleanup")));

    RunState live = rig.run(drill("agree-abort", plan));

    assertThat(live.status()).isEqualTo(RunStatus.FAILED);
    assertThat(step(live, "optional").status()).isEqualTo(StepStatus.FAILED);
    assertThat(step(live, "later").status()).isEqualTo(StepStatus.SKIPPED);
    assertThat(step(live, "cleanup").status()).isEqualTo(StepStatus.SUCCEEDED);
    assertAgrees(plan, "agree-abort", live);
  }

  @Test
  void aCancelledRun() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    rig.script.on("load", StepScript.heartbeatUntil(started, new CountDownLatch(1)));
    var shortHeartbeat = Plans.policy(Duration.ofSeconds(2), Plans.QUICK_RETRY, OnFailure.ABORT);
    Runbook plan =
        Plans.withFinally(
            plan(
                stage("restore", Plans.restore("load", shortHeartbeat)),
                stage("check", verify("after"))),
            stage("tell", Plans.notify("tell", "cancelled")));
    WorkflowStub run = rig.start(drill("agree-cancel", plan));
    started.await();

    run.cancel();

    assertThatThrownBy(() -> run.getResult(RunState.class))
        .isInstanceOf(WorkflowFailedException.class);
    RunState live = rig.existing("agree-cancel").state();
    assertThat(step(live, "after").status()).isEqualTo(StepStatus.SKIPPED);
    assertAgrees(plan, "agree-cancel", live);
  }

  /** A walk-through with a gap in its first stage and its finally stage walked last. */
  static final Runbook WALK =
      Plans.withFinally(
          plan(
              stage("check", verify("backup"), Plans.health("db-up")),
              stage("restore", verify("load"))),
          stage("tell", Plans.notify("tell", "walked")));

  @Test
  void aTabletopWalkWithAGap() {
    WorkflowStub walked = rig.start(TabletopWalkTest.tabletop("agree-walk", WALK));
    RunbookWorkflow walk = rig.existing("agree-walk");
    for (String id : new String[] {"backup", "db-up", "load", "tell"}) {
      TabletopWalkTest.await(walk, s -> step(s, id).status() == StepStatus.AWAITING_ACK);
      AckOutcome outcome = id.equals("db-up") ? AckOutcome.GAP : AckOutcome.OK;
      walk.acknowledge(new AcknowledgeRequest(id, outcome, "notes on " + id, "bob"));
    }

    RunState live = walked.getResult(RunState.class);

    assertThat(live.status()).isEqualTo(RunStatus.SUCCEEDED_WITH_FINDINGS);
    assertAgrees(WALK, "agree-walk", live);
  }

  @Test
  void aTabletopWalkCancelledHalfWay() {
    WorkflowStub cancelled = rig.start(TabletopWalkTest.tabletop("agree-walk-cancel", WALK));
    RunbookWorkflow walk = rig.existing("agree-walk-cancel");
    TabletopWalkTest.await(walk, s -> step(s, "backup").status() == StepStatus.AWAITING_ACK);
    walk.acknowledge(new AcknowledgeRequest("backup", AckOutcome.OK, null, "bob"));

    cancelled.cancel();

    assertThatThrownBy(() -> cancelled.getResult(RunState.class))
        .isInstanceOf(WorkflowFailedException.class);
    RunState live = walk.state();
    assertThat(step(live, "db-up").status()).isEqualTo(StepStatus.SKIPPED);
    assertAgrees(WALK, "agree-walk-cancel", live);
  }

  private void assertAgrees(Runbook plan, String runId, RunState live) {
    assertThat(BoardReplay.steps(plan, runId, rig.record.events()))
        .as("the steps rebuilt from run %s's recorded events, against its live board", runId)
        .containsExactlyElementsOf(live.steps());
  }
}
