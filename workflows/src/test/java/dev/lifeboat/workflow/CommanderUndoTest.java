package dev.lifeboat.workflow;

import static dev.lifeboat.workflow.Plans.plan;
import static dev.lifeboat.workflow.Plans.stage;
import static dev.lifeboat.workflow.Plans.undoneBy;
import static dev.lifeboat.workflow.TabletopWalkTest.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifeboat.runbook.ApprovalTimeout;
import dev.lifeboat.runbook.Runbook;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 11.2's last piece: a recovery runs no undo by itself, but a commander may ask for one
 * step's undo while it runs; every rule is checked by the update's validator.
 */
class CommanderUndoTest {
  @RegisterExtension static final TestWorkflowExtension temporal = WorkflowRig.extension();

  final WorkflowRig rig = new WorkflowRig();

  /** Makes a table (undone by dropping it), waits at a gate, then restores (undone too). */
  static final Runbook PLAN =
      plan(
          stage("make", undoneBy(Plans.sql("make-table"), Plans.sql("drop-table"))),
          stage("gate", Plans.approval("gate", 2, Duration.ofMinutes(10), ApprovalTimeout.WAIT)),
          stage("later", undoneBy(Plans.restore("restore", Plans.ABORT), Plans.sql("drop-db"))));

  @BeforeEach
  void startWorker(TestWorkflowEnvironment env, Worker worker) {
    rig.start(env, worker);
  }

  RunbookWorkflow atTheGate(String runId, RunMode mode) {
    rig.start(new RunInput(runId, PLAN, mode, Map.of(), "alice"));
    RunbookWorkflow workflow = rig.existing(runId);
    await(
        workflow,
        s ->
            s.steps().stream()
                .anyMatch(
                    step ->
                        step.stepId().equals("gate")
                            && step.status() == StepStatus.AWAITING_APPROVAL));
    return workflow;
  }

  @Test
  void aCommanderAsksForOneStepsUndoInARecoveryAndTheRecordSaysWhoAndWhy() {
    RunbookWorkflow workflow = atTheGate("undo-asked", RunMode.RECOVERY);
    assertThat(workflow.state().cleanup().undos())
        .extracting(UndoState::stepId, UndoState::status)
        .containsExactly(Tuple.tuple("make-table", "pending"));

    assertRefused(workflow, ask("make-table", " ", "commander"), "an undo needs a reason");
    assertRefused(workflow, ask("make-table", "why", "operator"), "needs the role commander");
    assertRefused(workflow, ask("gate", "why", "commander"), "step gate has no undo");
    assertRefused(workflow, ask("nope", "why", "commander"), "the plan has no step 'nope'");
    assertRefused(
        workflow, ask("restore", "why", "commander"), "was never registered", "not started");

    UndoState running = workflow.undo(ask("make-table", "the table is in the way", "commander"));
    assertThat(running.status()).isEqualTo("running");
    assertThat(running.requestedBy()).isEqualTo("bob");

    RunState undone = await(workflow, s -> s.cleanup().undos().get(0).status().equals("succeeded"));
    assertThat(rig.script.log()).containsSubsequence("end make-table", "start drop-table");
    assertThat(undone.status()).as("the recovery goes on").isEqualTo(RunStatus.RUNNING);
    assertRefused(
        workflow, ask("make-table", "again", "admin"), "already ran: it is succeeded", "bob");

    WorkflowStub stub = rig.client().newUntypedWorkflowStub("undo-asked");
    stub.cancel();
    assertThatThrownBy(() -> stub.getResult(RunState.class))
        .isInstanceOf(WorkflowFailedException.class);
    CleanupState cleanup = workflow.state().cleanup();
    assertThat(cleanup.status()).isEqualTo("not_run");
    assertThat(cleanup.undos())
        .extracting(UndoState::stepId, UndoState::status, UndoState::requestedBy, UndoState::reason)
        .containsExactly(Tuple.tuple("make-table", "succeeded", "bob", "the table is in the way"));
    assertThat(rig.record.types())
        .containsSubsequence("undo.registered", "undo.started", "undo.succeeded", "run.cleanup");
    assertThat(rig.record.events())
        .filteredOn(event -> event.type() == RunEventType.UNDO_STARTED)
        .singleElement()
        .satisfies(
            event ->
                assertThat(event.message())
                    .isEqualTo("undo of make-table, asked for by bob: the table is in the way"));
  }

  @Test
  void aDrillRunsItsUndosByItselfAndTakesNoRequest() {
    RunbookWorkflow workflow = atTheGate("undo-drill", RunMode.DRILL);

    assertRefused(
        workflow,
        ask("make-table", "why", "commander"),
        "a drill runs every registered undo by itself at its end");
    rig.client().newUntypedWorkflowStub("undo-drill").cancel();
  }

  static UndoRequest ask(String stepId, String reason, String role) {
    return new UndoRequest(stepId, reason, "bob", role);
  }

  static void assertRefused(RunbookWorkflow workflow, UndoRequest request, String... why) {
    assertThatThrownBy(() -> workflow.undo(request))
        .as("asking for %s", request)
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .message()
        .contains(why);
  }
}
