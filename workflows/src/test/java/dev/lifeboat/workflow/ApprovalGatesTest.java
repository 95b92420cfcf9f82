package dev.lifeboat.workflow;

import static dev.lifeboat.workflow.Plans.plan;
import static dev.lifeboat.workflow.Plans.stage;
import static dev.lifeboat.workflow.Plans.verify;
import static dev.lifeboat.workflow.RunbookWorkflowImplTest.step;
import static dev.lifeboat.workflow.TabletopWalkTest.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifeboat.runbook.ApprovalTimeout;
import dev.lifeboat.runbook.Runbook;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ApprovalGatesTest {
  @RegisterExtension static final TestWorkflowExtension temporal = WorkflowRig.extension();

  final WorkflowRig rig = new WorkflowRig();

  @BeforeEach
  void startWorker(TestWorkflowEnvironment env, Worker worker) {
    rig.start(env, worker);
  }

  static Runbook gated(ApprovalTimeout onTimeout, Duration timeout) {
    return plan(
        stage("approve", Plans.approval("two", 2, timeout, onTimeout)),
        stage("act", verify("after")));
  }

  static RunInput recovery(String runId, Runbook plan) {
    return new RunInput(runId, plan, RunMode.RECOVERY, Map.of(), "alice");
  }

  @Test
  void twoDistinctCommandersOtherThanTheLauncherOpenTheGate() {
    WorkflowStub run =
        rig.start(recovery("ap-two", gated(ApprovalTimeout.FAIL, Duration.ofMinutes(5))));
    RunbookWorkflow workflow = rig.existing("ap-two");
    RunState waiting =
        await(workflow, s -> step(s, "two").status() == StepStatus.AWAITING_APPROVAL);
    assertThat(step(waiting, "two").summary()).contains("awaiting 2 approvals", "commander");
    assertThat(step(waiting, "after").status()).isEqualTo(StepStatus.PENDING);

    assertRefused(workflow, approve("two", "alice", "commander"), "launched this run");
    assertRefused(
        workflow, approve("two", "olga", "operator"), "needs approvers holding the role commander");
    assertRefused(workflow, approve("after", "bob", "commander"), "not awaiting approval");
    assertRefused(workflow, approve("nope", "bob", "commander"), "no step 'nope'");
    StepState once =
        workflow.approve(new ApprovalRequest("two", true, "checked", "bob", "commander"));
    assertThat(once.status()).isEqualTo(StepStatus.AWAITING_APPROVAL);
    assertThat(once.summary()).isEqualTo("approved by 1 of 2 approvers (latest bob)");
    assertRefused(workflow, approve("two", "bob", "admin"), "cannot count twice");
    workflow.approve(new ApprovalRequest("two", true, null, "carol", "admin"));

    RunState end = run.getResult(RunState.class);
    assertThat(end.status()).isEqualTo(RunStatus.SUCCEEDED);
    StepState gate = step(end, "two");
    assertThat(gate.summary()).isEqualTo("approved by bob, carol");
    assertThat(gate.decisions())
        .extracting(Decision::by, Decision::decision, Decision::comment)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("bob", "approve", "checked"),
            org.assertj.core.groups.Tuple.tuple("carol", "approve", null));
    assertThat(rig.record.types())
        .containsSubsequence(
            "step.started",
            "step.awaiting_approval",
            "step.decided",
            "step.decided",
            "step.succeeded");
    assertThat(acceptedUpdates("ap-two"))
        .as("refused approvals leave no trace in the history")
        .isEqualTo(2);
  }

  @Test
  void aRejectionWithItsCommentFailsTheStepAndTheRun() {
    WorkflowStub run =
        rig.start(recovery("ap-no", gated(ApprovalTimeout.FAIL, Duration.ofMinutes(5))));
    RunbookWorkflow workflow = rig.existing("ap-no");
    await(workflow, s -> step(s, "two").status() == StepStatus.AWAITING_APPROVAL);
    assertRefused(
        workflow, new ApprovalRequest("two", false, " ", "bob", "commander"), "needs a comment");

    workflow.approve(
        new ApprovalRequest("two", false, "the standby is lagging", "bob", "commander"));

    RunState end = run.getResult(RunState.class);
    assertThat(end.status()).isEqualTo(RunStatus.FAILED);
    assertThat(step(end, "two").summary()).isEqualTo("rejected by bob: the standby is lagging");
    assertThat(step(end, "after").status()).isEqualTo(StepStatus.SKIPPED);
  }

  @Test
  void aRejectedDrillStillRunsTheUndoRegisteredBeforeTheGate() {
    Runbook plan =
        plan(
            stage(
                "restore",
                Plans.undoneBy(Plans.restore("scratch", Plans.ABORT), Plans.sql("drop"))),
            stage(
                "approve", Plans.approval("two", 2, Duration.ofMinutes(5), ApprovalTimeout.FAIL)));
    WorkflowStub run = rig.start(Plans.drill("ap-undo", plan));
    RunbookWorkflow workflow = rig.existing("ap-undo");
    await(workflow, s -> step(s, "two").status() == StepStatus.AWAITING_APPROVAL);

    workflow.approve(new ApprovalRequest("two", false, "not today", "bob", "commander"));

    RunState end = run.getResult(RunState.class);
    assertThat(end.status()).isEqualTo(RunStatus.FAILED);
    assertThat(rig.script.log()).containsSubsequence("end scratch", "start drop", "end drop");
    assertThat(end.cleanup().describe()).isEqualTo("complete");
  }

  @Test
  void aTimeoutEscalatesThenKeepsWaitingWhenTheStepSaysWait() {
    WorkflowStub run =
        rig.start(recovery("ap-wait", gated(ApprovalTimeout.WAIT, Duration.ofMillis(300))));
    RunbookWorkflow workflow = rig.existing("ap-wait");
    RunState escalated = await(workflow, s -> step(s, "two").summary().contains("timeout passed"));
    assertThat(step(escalated, "two").status()).isEqualTo(StepStatus.AWAITING_APPROVAL);
    assertThat(step(escalated, "two").summary())
        .contains("0 of 2 approvals", "escalated", "still waiting");
    assertThat(rig.notify.requests())
        .extracting(request -> request.template())
        .containsExactly("nobody approved two");

    workflow.approve(new ApprovalRequest("two", true, null, "bob", "commander"));
    workflow.approve(new ApprovalRequest("two", true, null, "carol", "commander"));

    assertThat(run.getResult(RunState.class).status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(rig.record.types()).contains("step.escalated");
  }

  @Test
  void aTabletopRunTakesNoApprovalsItPromptsTheStepLikeAnyOther() {
    rig.start(
        new RunInput(
            "ap-tt",
            gated(ApprovalTimeout.FAIL, Duration.ofMinutes(1)),
            RunMode.TABLETOP,
            Map.of(),
            "alice"));
    RunbookWorkflow workflow = rig.existing("ap-tt");
    RunState prompted = await(workflow, s -> step(s, "two").status() == StepStatus.AWAITING_ACK);
    assertThat(step(prompted, "two").prompt().kind()).isEqualTo("approval");
    assertRefused(workflow, approve("two", "bob", "commander"), "tabletop run takes no approvals");
    rig.client().newUntypedWorkflowStub("ap-tt").cancel();
  }

  static ApprovalRequest approve(String stepId, String by, String role) {
    return new ApprovalRequest(stepId, true, null, by, role);
  }

  static void assertRefused(RunbookWorkflow workflow, ApprovalRequest request, String why) {
    assertThatThrownBy(() -> workflow.approve(request))
        .as("approving %s", request)
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining(why);
  }

  long acceptedUpdates(String workflowId) {
    return rig.client().fetchHistory(workflowId).getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED)
        .count();
  }
}
