package dev.lifeboat.workflow;

import static dev.lifeboat.workflow.Plans.command;
import static dev.lifeboat.workflow.Plans.health;
import static dev.lifeboat.workflow.Plans.stage;
import static dev.lifeboat.workflow.Plans.undoneBy;
import static dev.lifeboat.workflow.Plans.verify;
import static dev.lifeboat.workflow.Plans.withFinally;
import static dev.lifeboat.workflow.RunbookWorkflowImplTest.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lifeboat.activities.notify.NotifyRequest;
import dev.lifeboat.activities.notify.TemplateRenderer;
import dev.lifeboat.runbook.Runbook;
import dev.lifeboat.runbook.StepPolicy;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A run resuming an earlier one: the steps that succeeded there carry over with what they recorded
 * and their activities are not called; the run starts at the first unfinished step, and of a stage
 * partly done only the unfinished steps run.
 */
class ResumeWorkflowTest {
  @RegisterExtension static final TestWorkflowExtension temporal = WorkflowRig.extension();

  static final Instant THEN = Instant.parse("2026-11-30T10:00:00Z");

  final WorkflowRig rig = new WorkflowRig();

  @BeforeEach
  void startWorker(TestWorkflowEnvironment env, Worker worker) {
    rig.start(env, worker);
  }

  /** verify; then restore-a and restore-b side by side; then check; finally tell. */
  static Runbook resumablePlan() {
    return withFinally(
        Plans.plan(
            stage("verify", verify("verify")),
            stage("restore", command("restore-a"), command("restore-b")),
            stage("check", health("check"))),
        stage(
            "tell",
            Plans.notify("tell", "<#list steps as s>${s.id}=${s.status}:${s.summary};</#list>")));
  }

  static CarriedStep carried(String stepId) {
    return new CarriedStep(
        stepId,
        "run-1",
        2,
        THEN,
        THEN.plusSeconds(3),
        stepId + " done in run-1",
        Map.of("summary", stepId + " done in run-1"));
  }

  static RunInput resuming(String runId, List<CarriedStep> carried) {
    return new RunInput(
        runId,
        resumablePlan(),
        RunMode.DRILL,
        Map.of("region", "eu-west"),
        "bob",
        new Resumption("run-1", carried));
  }

  @Test
  void succeededStepsAreNotRunAgainAndTheRunStartsAtTheFirstUnfinishedStep() {
    RunState state = rig.run(resuming("run-2", List.of(carried("verify"), carried("restore-a"))));

    assertThat(state.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(rig.script.attempts("verify")).as("verify succeeded in run-1").isZero();
    assertThat(rig.script.attempts("restore-a")).as("restore-a succeeded in run-1").isZero();
    assertThat(rig.script.log())
        .as("only the unfinished step of the stage partly done runs, then the rest")
        .containsExactly(
            "start restore-b",
            "end restore-b",
            "start check",
            "end check",
            "start tell",
            "end tell");
  }

  @Test
  void carriedStepsShowWhatTheyRecordedAndTheRunTheyRanIn() {
    RunState state = rig.run(resuming("run-3", List.of(carried("verify"))));

    StepState verify = step(state, "verify");
    assertThat(verify.status()).isEqualTo(StepStatus.SUCCEEDED);
    assertThat(verify.carriedOverFrom()).isEqualTo("run-1");
    assertThat(verify.summary()).isEqualTo("verify done in run-1");
    assertThat(verify.attempt()).isEqualTo(2);
    assertThat(verify.startedAt()).isEqualTo(THEN);
    assertThat(verify.endedAt()).isEqualTo(THEN.plusSeconds(3));
    assertThat(step(state, "restore-a").carriedOverFrom()).as("ran in this run").isNull();
  }

  @Test
  void theRecordHasACarriedOverEventWithTheResultInsteadOfAStart() {
    rig.run(resuming("run-4", List.of(carried("verify"))));

    List<RunEvent> verifyEvents =
        rig.record.events().stream().filter(e -> "verify".equals(e.stepId())).toList();
    assertThat(verifyEvents)
        .extracting(RunEvent::type)
        .containsExactly(RunEventType.STEP_CARRIED_OVER);
    assertThat(verifyEvents.get(0).message())
        .isEqualTo("carried over from run run-1: verify done in run-1");
    assertThat(verifyEvents.get(0).detail())
        .as("the detail, as the record receives it, keeps the result recorded in run-1")
        .asString()
        .contains("fromRunId=run-1")
        .contains("result={summary=verify done in run-1}");
    assertThat(rig.record.types().get(0)).isEqualTo("run.started");
    assertThat(rig.record.events().get(0).message())
        .isEqualTo("drill run launched by bob; resumes run run-1 (1 steps succeeded there)");
    assertThat(rig.record.types()).last().isEqualTo("run.succeeded");
  }

  @Test
  void notifyTemplatesSeeTheCarriedOverResults() {
    rig.run(resuming("run-5", List.of(carried("verify"), carried("restore-a"))));

    NotifyRequest tell = rig.notify.requests().get(0);
    assertThat(new TemplateRenderer().render(tell.template(), tell.context()))
        .contains("verify=succeeded:verify done in run-1;")
        .contains("restore-a=succeeded:restore-a done in run-1;")
        .contains("restore-b=succeeded:restore-b done on attempt 1;");
  }

  @Test
  void finallyStepsAndUnknownStepsAreNeverCarriedOver() {
    RunState state = rig.run(resuming("run-6", List.of(carried("tell"), carried("no-such-step"))));

    assertThat(step(state, "tell").carriedOverFrom()).isNull();
    assertThat(rig.notify.requests()).as("the finally stage runs again").hasSize(1);
    assertThat(rig.script.attempts("verify")).isEqualTo(1);
  }

  @Test
  void aRunLaunchedAfreshCarriesNothing() {
    RunState state = rig.run(Plans.drill("run-7", resumablePlan()));

    assertThat(state.steps()).allMatch(s -> s.carriedOverFrom() == null);
    assertThat(rig.record.types()).doesNotContain("step.carried_over");
  }

  @Test
  void aStageWithAStepToRunAgainRunsEveryLaterStageAgain() {
    RunState state =
        rig.run(
            resuming("run-8", List.of(carried("verify"), carried("restore-b"), carried("check"))));

    assertThat(rig.script.attempts("verify")).isZero();
    assertThat(rig.script.attempts("restore-b"))
        .as("carried over: its stage is the first with a step to run")
        .isZero();
    assertThat(rig.script.attempts("check"))
        .as("after restore-a ran again, check reads what it restored now")
        .isEqualTo(1);
    assertThat(step(state, "check").carriedOverFrom()).isNull();
    assertThat(step(state, "restore-b").carriedOverFrom()).isEqualTo("run-1");
  }

  @Test
  void aStepItsModeSkipsIsNotUnfinished() {
    StepPolicy recoveryOnly =
        new StepPolicy(
            Plans.ABORT.timeout(),
            Plans.ABORT.retry(),
            Plans.ABORT.onFailure(),
            null,
            null,
            List.of("recovery"));
    Runbook plan =
        Plans.plan(
            stage("fence", command("fence").withPolicy(recoveryOnly), command("tell")),
            stage("check", health("check")),
            stage("last", verify("last")));
    RunState state =
        rig.run(
            new RunInput(
                "run-9",
                plan,
                RunMode.DRILL,
                Map.of(),
                "bob",
                new Resumption("run-1", List.of(carried("tell"), carried("check")))));

    assertThat(state.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(step(state, "fence").status()).isEqualTo(StepStatus.SKIPPED);
    assertThat(step(state, "check").carriedOverFrom())
        .as("the drill skips fence again; nothing before check is left to run")
        .isEqualTo("run-1");
    assertThat(rig.script.log()).containsExactly("start last", "end last");
  }

  @Test
  void aCarriedOverStepsUndoStillRunsAtTheDrillsEnd() {
    Runbook plan =
        Plans.plan(
            stage("restore", undoneBy(Plans.restore("restore", Plans.ABORT), Plans.sql("drop"))),
            stage("check", health("check")));
    RunState state =
        rig.run(
            new RunInput(
                "run-10",
                plan,
                RunMode.DRILL,
                Map.of(),
                "bob",
                new Resumption("run-1", List.of(carried("restore")))));

    assertThat(rig.script.attempts("restore")).isZero();
    assertThat(rig.script.log())
        .as("what the carried-over restore made is dropped like any restore's")
        .containsExactly("start check", "end check", "start drop", "end drop");
    assertThat(state.cleanup().describe()).isEqualTo("complete");
    assertThat(rig.record.types())
        .containsSubsequence("undo.registered", "step.carried_over", "undo.started");
  }

  @Test
  void anApprovalIsAskedAgainButDoesNotMakeDoneWorkRunAgain() {
    Runbook plan =
        Plans.plan(
            stage("check", verify("check")),
            stage(
                "gate",
                Plans.approval(
                    "go-ahead",
                    1,
                    Duration.ofMinutes(5),
                    dev.lifeboat.runbook.ApprovalTimeout.FAIL)),
            stage("act", command("fence"), command("promote")));
    WorkflowStub run =
        rig.start(
            new RunInput(
                "run-11",
                plan,
                RunMode.RECOVERY,
                Map.of(),
                "alice",
                new Resumption(
                    "run-1", List.of(carried("check"), carried("go-ahead"), carried("fence")))));
    RunbookWorkflow workflow = rig.existing("run-11");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> step(workflow.state(), "go-ahead").status() == StepStatus.AWAITING_APPROVAL);

    assertThat(step(workflow.state(), "go-ahead").carriedOverFrom())
        .as("the first run's approvers approved that run, not this one")
        .isNull();
    assertThat(step(workflow.state(), "fence").carriedOverFrom())
        .as("what succeeded after the approval is still done")
        .isEqualTo("run-1");
    workflow.approve(new ApprovalRequest("go-ahead", true, "again", "bob", "commander"));
    RunState state = run.getResult(RunState.class);

    assertThat(state.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(rig.script.log()).containsExactly("start promote", "end promote");
  }
}
