package dev.lifeboat.workflow;

import static dev.lifeboat.workflow.Plans.drill;
import static dev.lifeboat.workflow.Plans.plan;
import static dev.lifeboat.workflow.Plans.stage;
import static dev.lifeboat.workflow.Plans.verify;
import static dev.lifeboat.workflow.Plans.withFinally;
import static dev.lifeboat.workflow.RunbookWorkflowImplTest.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.notify.NotifyContext;
import dev.lifeboat.activities.notify.NotifyRequest;
import dev.lifeboat.activities.notify.TemplateRenderer;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code finally:} stages run after the main stages however they ended, tell people the outcome,
 * and never change the run's status.
 */
class FinallyStagesTest {
  @RegisterExtension static final TestWorkflowExtension temporal = WorkflowRig.extension();

  /** What a finally notification of a real plan would say. */
  static final String TEMPLATE =
      "${plan.name} ${run.outcome}<#if failedStep.id?has_content>:"
          + " ${failedStep.id} (${failedStep.summary})</#if>";

  final WorkflowRig rig = new WorkflowRig();

  @BeforeEach
  void startWorker(TestWorkflowEnvironment env, Worker worker) {
    rig.start(env, worker);
  }

  /** The finally notification's text, rendered as the notify activity would render it. */
  String told(String stepId) {
    NotifyRequest request =
        rig.notify.requests().stream()
            .filter(r -> r.context().stepId().equals(stepId))
            .findFirst()
            .orElseThrow(() -> new AssertionError("notify step " + stepId + " never ran"));
    return new TemplateRenderer().render(request.template(), request.context());
  }

  @Test
  void runAfterSuccessInOrderAndTellTheOutcome() {
    RunState state =
        rig.run(
            drill(
                "fin-ok",
                withFinally(
                    plan(stage("work", verify("a"))),
                    stage("tell", Plans.notify("tell", TEMPLATE)),
                    stage("clean", Plans.command("clean")))));

    assertThat(state.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(rig.script.log())
        .as("main stage, then each finally stage in order")
        .containsExactly("start a", "end a", "start tell", "end tell", "start clean", "end clean");
    assertThat(told("tell")).isEqualTo("billing-db succeeded");
    assertThat(step(state, "clean").stage()).isEqualTo("clean");
    assertThat(rig.record.types()).last().isEqualTo("run.succeeded");
    assertThat(rig.record.events().get(rig.record.events().size() - 1).message())
        .as("the finally steps are steps of the run: counted, but they succeeded")
        .isEqualTo("all 1 steps succeeded");
  }

  @Test
  void runAfterAFailureAndTellWhichStepFailed() {
    rig.script.on("bad", StepScript.failAlways(StepFailureType.BAD_INPUT, "no such file"));

    RunState state =
        rig.run(
            drill(
                "fin-failed",
                withFinally(
                    plan(stage("work", verify("bad")), stage("later", verify("later"))),
                    stage("tell", Plans.notify("tell", TEMPLATE)))));

    assertThat(state.status()).isEqualTo(RunStatus.FAILED);
    assertThat(step(state, "later").status()).isEqualTo(StepStatus.SKIPPED);
    assertThat(step(state, "tell").status()).isEqualTo(StepStatus.SUCCEEDED);
    assertThat(told("tell")).isEqualTo("billing-db failed: bad (no such file)");
    NotifyContext context = rig.notify.requests().get(0).context();
    assertThat(context.failedStep())
        .isEqualTo(new NotifyContext.StepSummary("bad", "failed", "no such file"));
    assertThat(rig.record.types()).endsWith("step.started", "step.succeeded", "run.failed");
  }

  @Test
  void runAfterACancelAndASecondCancelDoesNotStopThem() throws Exception {
    CountDownLatch restoring = new CountDownLatch(1);
    CountDownLatch cleaning = new CountDownLatch(1);
    CountDownLatch cleaned = new CountDownLatch(1);
    rig.script
        .on("load", StepScript.heartbeatUntil(restoring, new CountDownLatch(1)))
        .on("clean", StepScript.heartbeatUntil(cleaning, cleaned));
    WorkflowStub run =
        rig.start(
            drill(
                "fin-cancel",
                withFinally(
                    plan(stage("restore", Plans.restore("load", Plans.ABORT))),
                    stage("tell", Plans.notify("tell", TEMPLATE)),
                    stage("clean", Plans.restore("clean", Plans.ABORT)))));
    restoring.await();

    run.cancel();
    cleaning.await();
    run.cancel();
    cleaned.countDown();

    assertThatThrownBy(() -> run.getResult(RunState.class))
        .isInstanceOf(WorkflowFailedException.class)
        .hasCauseInstanceOf(CanceledFailure.class);
    RunState state = rig.existing("fin-cancel").state();
    assertThat(state.status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(step(state, "load").summary()).isEqualTo("cancelled while running");
    assertThat(step(state, "clean").status())
        .as("the cleanup ran to its end although the run was cancelled twice")
        .isEqualTo(StepStatus.SUCCEEDED);
    assertThat(told("tell")).isEqualTo("billing-db cancelled: load (cancelled while running)");
    assertThat(rig.record.types()).last().isEqualTo("run.cancelled");
  }

  @Test
  void aFailedFinallyStepIsRecordedStopsNothingAndKeepsTheRunsStatus() {
    rig.script.on("tell", StepScript.failAlways(StepFailureType.BAD_INPUT, "webhook said 404"));

    RunState state =
        rig.run(
            drill(
                "fin-finally-fails",
                withFinally(
                    plan(stage("work", verify("a"))),
                    stage("tell", Plans.notify("tell", "done")),
                    stage("clean", Plans.command("clean")))));

    assertThat(state.status())
        .as("the main stages succeeded; a finally step cannot hide or change that")
        .isEqualTo(RunStatus.SUCCEEDED);
    assertThat(step(state, "tell").status()).isEqualTo(StepStatus.FAILED);
    assertThat(step(state, "clean").status())
        .as("a failed finally step (on_failure: abort) still lets later finally stages run")
        .isEqualTo(StepStatus.SUCCEEDED);
    RunEvent last = rig.record.events().get(rig.record.events().size() - 1);
    assertThat(last.type()).isEqualTo(RunEventType.RUN_SUCCEEDED);
    assertThat(last.message())
        .isEqualTo("all 1 steps succeeded; finally step tell (webhook said 404) failed");
    assertThat(rig.record.events())
        .filteredOn(event -> event.type() == RunEventType.STEP_FAILED)
        .extracting(RunEvent::stepId)
        .containsExactly("tell");
  }

  @Test
  void aContinuedFailureIsTheOutcomeTheFinallyStagesTell() {
    rig.script.on("optional", StepScript.failAlways(StepFailureType.CHECK_FAILED, "lags 2m"));

    RunState state =
        rig.run(
            drill(
                "fin-continued",
                withFinally(
                    plan(stage("work", verify("optional", Plans.CONTINUE), verify("a"))),
                    stage("tell", Plans.notify("tell", TEMPLATE)))));

    assertThat(state.status()).isEqualTo(RunStatus.SUCCEEDED_WITH_FAILURES);
    assertThat(told("tell")).isEqualTo("billing-db succeeded_with_failures: optional (lags 2m)");
    assertThat(rig.record.types()).last().isEqualTo("run.succeeded_with_failures");
  }

  @Test
  void mainStageNotificationsSayTheRunIsStillRunning() {
    rig.run(
        drill(
            "fin-running",
            withFinally(
                plan(stage("tell", Plans.notify("early", TEMPLATE))),
                stage("after", Plans.notify("late", TEMPLATE)))));

    assertThat(List.of(told("early"), told("late")))
        .containsExactly("billing-db running", "billing-db succeeded");
  }
}
