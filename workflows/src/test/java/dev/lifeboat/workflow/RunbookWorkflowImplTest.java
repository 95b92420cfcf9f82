package dev.lifeboat.workflow;

import static dev.lifeboat.workflow.Plans.drill;
import static dev.lifeboat.workflow.Plans.plan;
import static dev.lifeboat.workflow.Plans.stage;
import static dev.lifeboat.workflow.Plans.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.notify.NotifyChannel;
import dev.lifeboat.activities.notify.NotifyContext.StepSummary;
import dev.lifeboat.activities.notify.NotifyRequest;
import dev.lifeboat.runbook.OnFailure;
import dev.lifeboat.runbook.Retry;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RunbookWorkflowImplTest {
  @RegisterExtension static final TestWorkflowExtension temporal = WorkflowRig.extension();

  final WorkflowRig rig = new WorkflowRig();

  @BeforeEach
  void startWorker(TestWorkflowEnvironment env, Worker worker) {
    rig.start(env, worker);
  }

  static StepState step(RunState state, String stepId) {
    return state.steps().stream()
        .filter(step -> step.stepId().equals(stepId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("the run state has no step " + stepId));
  }

  @Nested
  class Order {
    @Test
    void startsAStageOnlyAfterEveryStepOfThePreviousStageEnded() {
      RunState state =
          rig.run(
              drill(
                  "run-order",
                  plan(stage("first", verify("a"), verify("b")), stage("second", verify("c")))));

      List<String> log = rig.script.log();
      assertThat(state.status()).isEqualTo(RunStatus.SUCCEEDED);
      assertThat(log.indexOf("start c"))
          .as("step c (second stage) must start after a and b (first stage) ended; saw %s", log)
          .isGreaterThan(log.indexOf("end a"))
          .isGreaterThan(log.indexOf("end b"));
    }

    @Test
    void runsTheStepsOfAStageAtTheSameTime() {
      CyclicBarrier bothRunning = new CyclicBarrier(2);
      rig.script.on("a", StepScript.meetAt(bothRunning)).on("b", StepScript.meetAt(bothRunning));

      RunState state =
          rig.run(drill("run-parallel", plan(stage("together", verify("a"), verify("b")))));

      assertThat(state.steps())
          .as("a and b each wait for the other at a barrier, so both succeed only if they overlap")
          .allSatisfy(step -> assertThat(step.status()).isEqualTo(StepStatus.SUCCEEDED));
    }
  }

  @Nested
  class Retries {
    @Test
    void succeedsAStepThatRecoversWithinItsAttempts() {
      rig.script.on("flaky", StepScript.failFirst(2, StepFailureType.UNAVAILABLE));

      RunState state =
          rig.run(drill("run-retry-ok", plan(stage("s", verify("flaky", Plans.attempts(3))))));

      assertThat(step(state, "flaky").status()).isEqualTo(StepStatus.SUCCEEDED);
      assertThat(rig.script.attempts("flaky")).as("two failures and one success").isEqualTo(3);
    }

    @Test
    void failsAStepWhoseFailuresOutlastItsAttempts() {
      rig.script.on("flaky", StepScript.failFirst(2, StepFailureType.UNAVAILABLE));

      RunState state =
          rig.run(drill("run-retry-out", plan(stage("s", verify("flaky", Plans.attempts(2))))));

      StepState flaky = step(state, "flaky");
      assertThat(state.status()).isEqualTo(RunStatus.FAILED);
      assertThat(flaky.status()).isEqualTo(StepStatus.FAILED);
      assertThat(flaky.attempt()).as("all attempts were used").isEqualTo(2);
      assertThat(flaky.summary()).isEqualTo("planned failure on attempt 2");
      assertThat(rig.script.attempts("flaky")).isEqualTo(2);
    }

    @Test
    void neverRetriesBadInput() {
      rig.script.on(
          "typo", StepScript.failAlways(StepFailureType.BAD_INPUT, "no such file /bakup"));

      RunState state =
          rig.run(drill("run-bad-input", plan(stage("s", verify("typo", Plans.attempts(3))))));

      assertThat(step(state, "typo").summary()).isEqualTo("no such file /bakup");
      assertThat(rig.script.attempts("typo"))
          .as("bad input cannot get better by retrying, so it runs once")
          .isEqualTo(1);
    }
  }

  @Nested
  class Failures {
    @Test
    void failsAStepThatRunsPastItsTimeoutAndSaysSo() {
      rig.script.on("slow", StepScript.sleep(Duration.ofSeconds(3)));
      var once =
          Plans.policy(
              Duration.ofSeconds(1), new Retry(1, Duration.ofMillis(50), 1.0), OnFailure.ABORT);

      RunState state = rig.run(drill("run-timeout", plan(stage("s", verify("slow", once)))));

      assertThat(step(state, "slow").status()).isEqualTo(StepStatus.FAILED);
      assertThat(step(state, "slow").summary()).isEqualTo("timed out after 1s");
    }

    @Test
    void abortLetsSiblingsFinishThenSkipsLaterStagesAndFailsTheRun() {
      rig.script
          .on("bad", StepScript.failAlways(StepFailureType.CHECK_FAILED, "backup is 3 days old"))
          .on("sibling", StepScript.sleep(Duration.ofMillis(300)));
      var abortAtOnce =
          Plans.policy(
              Duration.ofSeconds(10), new Retry(1, Duration.ofMillis(50), 1.0), OnFailure.ABORT);

      RunState state =
          rig.run(
              drill(
                  "run-abort",
                  plan(
                      stage("check", verify("bad", abortAtOnce), verify("sibling")),
                      stage("restore", verify("later1"), verify("later2")))));

      assertThat(state.status()).isEqualTo(RunStatus.FAILED);
      assertThat(step(state, "sibling").status())
          .as("a step running beside the failed one is allowed to finish")
          .isEqualTo(StepStatus.SUCCEEDED);
      assertThat(List.of(step(state, "later1"), step(state, "later2")))
          .allSatisfy(
              later -> {
                assertThat(later.status()).isEqualTo(StepStatus.SKIPPED);
                assertThat(later.summary())
                    .isEqualTo("not run: step bad failed: backup is 3 days old");
              });
      assertThat(rig.script.attempts("later1")).as("skipped steps never run").isZero();
      assertThat(rig.record.types()).endsWith("step.skipped", "step.skipped", "run.failed");
    }

    @Test
    void continueRecordsTheFailureAndTheRunSucceedsWithFailures() {
      rig.script.on(
          "optional", StepScript.failAlways(StepFailureType.CHECK_FAILED, "replica lags 2m"));

      RunState state =
          rig.run(
              drill(
                  "run-continue",
                  plan(
                      stage("check", verify("optional", Plans.CONTINUE)),
                      stage("next", verify("next")))));

      assertThat(state.status())
          .as("a failure the plan went past must not read as a plain success")
          .isEqualTo(RunStatus.SUCCEEDED_WITH_FAILURES);
      assertThat(step(state, "optional").status()).isEqualTo(StepStatus.FAILED);
      assertThat(step(state, "next").status()).isEqualTo(StepStatus.SUCCEEDED);
      assertThat(rig.record.events())
          .filteredOn(event -> event.type() == RunEventType.STEP_FAILED)
          .singleElement()
          .satisfies(failed -> assertThat(failed.message()).isEqualTo("replica lags 2m"));
      RunEvent last = rig.record.events().get(rig.record.events().size() - 1);
      assertThat(last.type()).isEqualTo(RunEventType.RUN_SUCCEEDED_WITH_FAILURES);
      assertThat(last.message())
          .isEqualTo("1 steps succeeded; 1 failed and the plan says continue");
    }
  }

  @Nested
  class LiveState {
    @Test
    void showsTheRunningStepAsRunningAndLaterStepsAsPending() throws Exception {
      CountDownLatch started = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      rig.script.on("load", StepScript.heartbeatUntil(started, release));
      WorkflowStub run =
          rig.start(
              drill(
                  "run-query",
                  plan(
                      stage("restore", Plans.restore("load", Plans.ABORT)),
                      stage("check", verify("check")))));
      started.await();

      RunState during = rig.existing("run-query").state();
      release.countDown();

      assertThat(during.status()).isEqualTo(RunStatus.RUNNING);
      assertThat(step(during, "load").status()).isEqualTo(StepStatus.RUNNING);
      assertThat(step(during, "load").startedAt()).isNotNull();
      assertThat(step(during, "check").status()).isEqualTo(StepStatus.PENDING);
      assertThat(step(during, "check").attempt()).isZero();
      assertThat(run.getResult(RunState.class).status()).isEqualTo(RunStatus.SUCCEEDED);
    }
  }

  @Nested
  class Cancellation {
    @Test
    void cancellingARunStopsTheRunningStepSkipsTheRestAndRecordsRunCancelled() throws Exception {
      CountDownLatch started = new CountDownLatch(1);
      rig.script.on("load", StepScript.heartbeatUntil(started, new CountDownLatch(1)));
      // A 2s timeout gives a 2s heartbeat timeout, so the cancellation reaches the fake quickly.
      var shortHeartbeat = Plans.policy(Duration.ofSeconds(2), Plans.QUICK_RETRY, OnFailure.ABORT);
      WorkflowStub run =
          rig.start(
              drill(
                  "run-cancel",
                  plan(
                      stage("restore", Plans.restore("load", shortHeartbeat)),
                      stage("check", verify("after")))));
      started.await();

      run.cancel();

      // Temporal closes a cancel-requested workflow as cancelled whatever it returns, so the
      // final state is read by query (and from the record), not from the result.
      assertThatThrownBy(() -> run.getResult(RunState.class))
          .isInstanceOf(WorkflowFailedException.class)
          .hasCauseInstanceOf(CanceledFailure.class);
      RunState state = rig.existing("run-cancel").state();

      assertThat(state.status()).isEqualTo(RunStatus.CANCELLED);
      assertThat(state.steps()).noneMatch(step -> step.status() == StepStatus.RUNNING);
      assertThat(step(state, "load").status()).isEqualTo(StepStatus.FAILED);
      assertThat(step(state, "load").summary()).isEqualTo("cancelled while running");
      assertThat(step(state, "after").status()).isEqualTo(StepStatus.SKIPPED);
      assertThat(rig.script.log())
          .as("the restore activity itself must have stopped before the run ended")
          .contains("end load");
      assertThat(rig.record.types()).last().isEqualTo("run.cancelled");
    }
  }

  @Nested
  class Notifications {
    @Test
    void givesTheTemplateTheRunPlanStepAndEarlierOutcomes() {
      rig.run(
          drill(
              "run-notify",
              plan(
                  stage("check", verify("check")),
                  stage(
                      "announce",
                      Plans.notify("tell", "Run ${run.id}: <#list steps as s>${s.id} </#list>")))));

      NotifyRequest request = rig.notify.requests().get(0);
      assertThat(request.channel()).isEqualTo(NotifyChannel.LOG);
      assertThat(request.template()).isEqualTo("Run ${run.id}: <#list steps as s>${s.id} </#list>");
      var context = request.context();
      assertThat(context.runId()).isEqualTo("run-notify");
      assertThat(context.mode()).isEqualTo("drill");
      assertThat(context.launcher()).isEqualTo("alice");
      assertThat(context.planName()).isEqualTo("billing-db");
      assertThat(context.planTitle()).isEqualTo("Billing database restore");
      assertThat(context.stepId()).isEqualTo("tell");
      assertThat(context.stageName()).isEqualTo("announce");
      assertThat(context.params()).isEqualTo(Map.of("region", "eu-west"));
      assertThat(context.steps())
          .containsExactly(new StepSummary("check", "succeeded", "check done on attempt 1"));
    }

    @Test
    void leavesTheStepListOutOfTemplatesThatDoNotUseIt() {
      rig.run(
          drill(
              "run-notify-short",
              plan(
                  stage("check", verify("check")),
                  stage("announce", Plans.notify("tell", "Run ${run.id} done")))));

      assertThat(rig.notify.requests().get(0).context().steps())
          .as("the growing step list is sent only to templates that mention steps")
          .isEmpty();
    }
  }

  @Nested
  class Modes {
    @Test
    void refusesAcknowledgementsForDrills() {
      rig.script.on("slow", StepScript.sleep(Duration.ofSeconds(2)));
      WorkflowStub run = rig.start(drill("run-no-ack", plan(stage("s", verify("slow")))));
      RunbookWorkflow drill = rig.existing("run-no-ack");
      TabletopWalkTest.await(drill, s -> step(s, "slow").status() == StepStatus.RUNNING);

      TabletopWalkTest.assertRejected(
          drill, new AcknowledgeRequest("slow", AckOutcome.OK, null, "bob"), "only tabletop");
      assertThat(run.getResult(RunState.class).status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void runsRecoveryStepsAsWritten() {
      RunInput recovery =
          new RunInput(
              "run-recovery", plan(stage("s", verify("a"))), RunMode.RECOVERY, Map.of(), "bob");

      assertThat(rig.run(recovery).status()).isEqualTo(RunStatus.SUCCEEDED);
      assertThat(rig.record.events().get(0).message()).isEqualTo("recovery run launched by bob");
    }

    @Test
    void marksADrillsNotificationsAsTheModeSaysAndNotARecoverys() {
      var plan = plan(stage("tell", Plans.notify("tell", "done")));
      rig.run(drill("run-drill-marked", plan));
      rig.run(new RunInput("run-recovery-unmarked", plan, RunMode.RECOVERY, Map.of(), "bob"));

      assertThat(rig.notify.requests())
          .extracting(NotifyRequest::prefix)
          .as("the prefix each notification is sent with, drill then recovery")
          .containsExactly("[DRILL] ", "");
    }
  }
}
