package dev.lifeboat.workflow;

import static dev.lifeboat.workflow.Plans.plan;
import static dev.lifeboat.workflow.Plans.stage;
import static dev.lifeboat.workflow.Plans.verify;
import static dev.lifeboat.workflow.RunbookWorkflowImplTest.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifeboat.runbook.Runbook;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TabletopWalkTest {
  @RegisterExtension static final TestWorkflowExtension temporal = WorkflowRig.extension();

  final WorkflowRig rig = new WorkflowRig();

  /** Every kind that could touch a system, in two stages. */
  static final Runbook TWO_STAGES =
      plan(
          stage("check", verify("backup"), Plans.health("db-up")),
          stage(
              "restore",
              Plans.restore("load", Plans.ABORT),
              Plans.failover("switch", Plans.ABORT),
              Plans.command("fence"),
              Plans.notify("tell", "restored")));

  @BeforeEach
  void startWorker(TestWorkflowEnvironment env, Worker worker) {
    rig.start(env, worker);
  }

  @AfterEach
  void nothingRan() {
    assertThat(rig.script.log())
        .as("a tabletop run must never call a step activity (fakes saw these calls)")
        .isEmpty();
    assertThat(rig.notify.requests()).as("a tabletop run must never notify").isEmpty();
  }

  static RunInput tabletop(String runId, Runbook plan) {
    return new RunInput(runId, plan, RunMode.TABLETOP, Map.of(), "alice");
  }

  @Test
  void promptsStageByStageRecordsWhoSaidWhatAndListsGapsAsFindings() {
    WorkflowStub run = rig.start(tabletop("tt-walk", TWO_STAGES));
    RunbookWorkflow walk = rig.existing("tt-walk");

    RunState first = await(walk, s -> step(s, "backup").status() == StepStatus.AWAITING_ACK);
    assertThat(step(first, "db-up").status()).isEqualTo(StepStatus.AWAITING_ACK);
    assertThat(step(first, "load").status())
        .as("stage 2 must not be prompted while stage 1 is unanswered")
        .isEqualTo(StepStatus.PENDING);
    TabletopPrompt prompt = step(first, "backup").prompt();
    assertThat(prompt.kind()).isEqualTo("verify-backup");
    assertThat(prompt.owner()).isEqualTo("dba-team");
    assertThat(prompt.timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(prompt.fields().path("request").path("path").asText()).isEqualTo("backup");

    StepState acked =
        walk.acknowledge(new AcknowledgeRequest("backup", AckOutcome.OK, null, "bob"));
    assertThat(acked.status()).isEqualTo(StepStatus.ACKNOWLEDGED);
    assertThat(acked.acknowledgement().by()).isEqualTo("bob");
    assertThat(step(walk.state(), "load").status())
        .as("stage 2 waits until every step of stage 1 is acknowledged")
        .isEqualTo(StepStatus.PENDING);

    walk.acknowledge(
        new AcknowledgeRequest("db-up", AckOutcome.GAP, "nobody knows the health URL", "carol"));
    await(walk, s -> step(s, "load").status() == StepStatus.AWAITING_ACK);
    for (String id : new String[] {"load", "switch", "fence", "tell"}) {
      walk.acknowledge(new AcknowledgeRequest(id, AckOutcome.OK, "walked through", "bob"));
    }
    RunState end = run.getResult(RunState.class);

    assertThat(end.status())
        .as("a walk that found a gap is not a plain success")
        .isEqualTo(RunStatus.SUCCEEDED_WITH_FINDINGS);
    assertThat(end.findings())
        .containsExactly(new Finding("check", "db-up", "nobody knows the health URL", "carol"));
    Acknowledgement gap = step(end, "db-up").acknowledgement();
    assertThat(gap.outcome()).isEqualTo(AckOutcome.GAP);
    assertThat(gap.at()).isAfter(Instant.now().minusSeconds(60));
    assertThat(rig.record.events())
        .filteredOn(event -> event.type() == RunEventType.STEP_ACKNOWLEDGED)
        .extracting(event -> String.valueOf(((Map<?, ?>) event.detail()).get("by")))
        .as("the record says who acknowledged each step")
        .containsExactly("bob", "carol", "bob", "bob", "bob", "bob");
    assertThat(rig.record.types()).first().isEqualTo("run.started");
    assertThat(rig.record.types()).last().isEqualTo("run.succeeded_with_findings");
    assertThat(rig.record.events().get(rig.record.events().size() - 1).message())
        .isEqualTo("walked 6 steps with bob, carol; 1 gap found");
  }

  @Test
  void aWalkWithoutGapsSucceedsAndWalksTheFinallyStagesLast() {
    Runbook withFinally =
        Plans.withFinally(
            plan(stage("check", verify("a"))), stage("always", Plans.notify("tell", "done")));
    WorkflowStub run = rig.start(tabletop("tt-clean", withFinally));
    RunbookWorkflow walk = rig.existing("tt-clean");
    await(walk, s -> step(s, "a").status() == StepStatus.AWAITING_ACK);
    assertThat(step(walk.state(), "tell").status()).isEqualTo(StepStatus.PENDING);
    walk.acknowledge(new AcknowledgeRequest("a", AckOutcome.OK, null, "bob"));
    await(walk, s -> step(s, "tell").status() == StepStatus.AWAITING_ACK);
    walk.acknowledge(new AcknowledgeRequest("tell", AckOutcome.OK, null, "bob"));

    RunState end = run.getResult(RunState.class);

    assertThat(end.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(rig.record.types()).last().isEqualTo("run.succeeded");
  }

  @Test
  void rejectsWhatItCannotTakeWithoutATraceInTheHistory() {
    rig.start(tabletop("tt-reject", plan(stage("one", verify("a")), stage("two", verify("b")))));
    RunbookWorkflow walk = rig.existing("tt-reject");
    await(walk, s -> step(s, "a").status() == StepStatus.AWAITING_ACK);

    assertRejected(walk, new AcknowledgeRequest("nope", AckOutcome.OK, null, "bob"), "no step");
    assertRejected(
        walk, new AcknowledgeRequest("b", AckOutcome.OK, null, "bob"), "not being walked");
    assertRejected(walk, new AcknowledgeRequest("a", AckOutcome.GAP, " ", "bob"), "needs notes");
    assertRejected(
        walk, new AcknowledgeRequest("a", AckOutcome.OK, "x".repeat(4001), "bob"), "at most 4000");
    walk.acknowledge(new AcknowledgeRequest("a", AckOutcome.OK, null, "bob"));
    assertRejected(walk, new AcknowledgeRequest("a", AckOutcome.OK, null, "eve"), "already");

    long accepted =
        rig.client().fetchHistory("tt-reject").getEvents().stream()
            .filter(
                e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED)
            .count();
    assertThat(accepted).as("only the one valid acknowledgement reaches the history").isEqualTo(1);
    assertThat(step(walk.state(), "a").acknowledgement().by()).isEqualTo("bob");
    rig.client().newUntypedWorkflowStub("tt-reject").cancel();
  }

  @Test
  void cancellingWhileWaitingSkipsTheRestAndRecordsRunCancelled() {
    WorkflowStub run = rig.start(tabletop("tt-cancel", TWO_STAGES));
    RunbookWorkflow walk = rig.existing("tt-cancel");
    await(walk, s -> step(s, "backup").status() == StepStatus.AWAITING_ACK);
    walk.acknowledge(new AcknowledgeRequest("backup", AckOutcome.OK, null, "bob"));

    run.cancel();

    assertThatThrownBy(() -> run.getResult(RunState.class))
        .isInstanceOf(WorkflowFailedException.class)
        .hasCauseInstanceOf(CanceledFailure.class);
    RunState state = walk.state();
    assertThat(state.status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(step(state, "backup").status()).isEqualTo(StepStatus.ACKNOWLEDGED);
    assertThat(step(state, "db-up").status()).isEqualTo(StepStatus.SKIPPED);
    assertThat(step(state, "load").status()).isEqualTo(StepStatus.SKIPPED);
    assertThat(rig.record.types()).last().isEqualTo("run.cancelled");
  }

  static void assertRejected(RunbookWorkflow walk, AcknowledgeRequest request, String why) {
    assertThatThrownBy(() -> walk.acknowledge(request))
        .as("acknowledging %s", request)
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining(why);
  }

  static RunState await(RunbookWorkflow walk, Predicate<RunState> until) {
    return Awaitility.await("the run to reach the expected state")
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(50))
        .until(walk::state, until);
  }
}
