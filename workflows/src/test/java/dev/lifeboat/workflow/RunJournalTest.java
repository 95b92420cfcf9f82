package dev.lifeboat.workflow;

import static dev.lifeboat.workflow.Plans.drill;
import static dev.lifeboat.workflow.Plans.plan;
import static dev.lifeboat.workflow.Plans.stage;
import static dev.lifeboat.workflow.Plans.verify;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeboat.activities.StepFailureType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a run writes to the record, and in how many writes. */
class RunJournalTest {
  @RegisterExtension static final TestWorkflowExtension temporal = WorkflowRig.extension();

  final WorkflowRig rig = new WorkflowRig();

  @BeforeEach
  void startWorker(TestWorkflowEnvironment env, Worker worker) {
    rig.start(env, worker);
  }

  @Test
  void recordsEveryTransitionOnceNumberedFromOne() {
    rig.run(drill("run-events", plan(stage("check", verify("a")), stage("restore", verify("b")))));

    assertThat(rig.record.types())
        .containsExactly(
            "run.started",
            "step.started",
            "step.succeeded",
            "step.started",
            "step.succeeded",
            "run.succeeded");
    List<Long> written =
        rig.record.writes().stream()
            .flatMap(write -> write.events().stream())
            .map(RunEvent::seq)
            .toList();
    assertThat(written)
        .as("every event is written once, numbered 1..n in order without gaps")
        .containsExactlyElementsOf(LongStream.rangeClosed(1, 6).boxed().toList());
    RunEvent secondStart = rig.record.events().get(3);
    assertThat(secondStart.runId()).isEqualTo("run-events");
    assertThat(secondStart.stage()).isEqualTo("restore");
    assertThat(secondStart.stepId()).isEqualTo("b");
    assertThat(secondStart.kind()).isEqualTo("verify-backup");
    assertThat(secondStart.attempt()).isEqualTo(1);
    assertThat(rig.record.events().get(0).message()).isEqualTo("drill run launched by alice");
  }

  @Test
  void writesOncePerStageTheStartsWithThePreviousStagesEnds() {
    rig.run(
        drill(
            "run-per-stage",
            plan(stage("1", verify("a")), stage("2", verify("b")), stage("3", verify("c")))));

    assertThat(rig.record.writes())
        .extracting(write -> write.events().stream().map(RunJournalTest::describe).toList())
        .as("one write before each stage is scheduled, and one with the run's end")
        .containsExactly(
            List.of("run.started", "step.started a"),
            List.of("step.succeeded a", "step.started b"),
            List.of("step.succeeded b", "step.started c"),
            List.of("step.succeeded c", "run.succeeded"));
  }

  @Test
  void theRecordHoldsAStepsStartBeforeTheStepRuns() {
    Map<String, List<String>> recordedWhenRun = new ConcurrentHashMap<>();
    rig.script
        .on("a", attempt -> recordedWhenRun.put("a", rig.record.types()))
        .on("b", attempt -> recordedWhenRun.put("b", rig.record.types()));

    rig.run(drill("run-write-ahead", plan(stage("1", verify("a")), stage("2", verify("b")))));

    assertThat(recordedWhenRun.get("a"))
        .as("what the record held when the first step ran")
        .containsExactly("run.started", "step.started");
    assertThat(recordedWhenRun.get("b"))
        .as("what the record held when the second step ran: the first one's end, its own start")
        .containsExactly("run.started", "step.started", "step.succeeded", "step.started");
  }

  @Test
  void aWriteRefusedWhileTheRecordIsDownIsRetriedUntilItLandsAndTheRunGoesOn() {
    rig.record.unreachableFor(3);

    RunState end =
        rig.run(drill("run-outage", plan(stage("1", verify("a")), stage("2", verify("b")))));

    assertThat(end.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(rig.record.refused()).as("writes refused by the unreachable record").isEqualTo(3);
    assertTwoStepRunRecordedOnce("every transition recorded once, none lost to the refused writes");
  }

  @Test
  void anEndLostWithItsWorkerIsWrittenOnceByTheWorkerThatReplaysTheRun(
      TestWorkflowEnvironment env, Worker worker) throws Exception {
    CountDownLatch writing = rig.record.dieAtWrite(2);
    RunbookWorkflow workflow =
        rig.client()
            .newWorkflowStub(
                RunbookWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setTaskQueue(worker.getTaskQueue())
                    .setWorkflowId("run-crash")
                    .setWorkflowTaskTimeout(Duration.ofSeconds(1))
                    .build());
    WorkflowClient.start(
        workflow::run, drill("run-crash", plan(stage("1", verify("a")), stage("2", verify("b")))));
    assertThat(writing.await(10, TimeUnit.SECONDS)).as("the second write began").isTrue();
    assertThat(rig.record.types())
        .as("the record as the worker dies: step a ran, its end is not written yet")
        .containsExactly("run.started", "step.started");

    env.getWorkerFactory().shutdownNow();
    WorkerFactory replacement = WorkerFactory.newInstance(rig.client());
    Worker second = replacement.newWorker(worker.getTaskQueue());
    second.registerWorkflowImplementationTypes(RunbookWorkflowImpl.class);
    second.registerActivitiesImplementations(rig.activities());
    replacement.start();
    try {
      RunState end =
          WorkflowStub.fromTyped(workflow).getResult(60, TimeUnit.SECONDS, RunState.class);
      assertThat(end.status()).isEqualTo(RunStatus.SUCCEEDED);
    } finally {
      replacement.shutdownNow();
    }

    assertTwoStepRunRecordedOnce(
        "the replacing worker replays the run and writes what the dead one could not, once");
    assertThat(rig.script.attempts("a"))
        .as("the step that had ended is not run again")
        .isEqualTo(1);
  }

  @Test
  void recordsASlowStepAsStartedWhileItRuns() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    rig.script.on("slow", StepScript.heartbeatUntil(started, release));
    WorkflowStub run =
        rig.start(
            drill(
                "run-long-stage",
                plan(
                    stage("first", verify("quick")),
                    stage("second", Plans.restore("slow", Plans.ABORT)))));
    started.await();

    try {
      awaitRecorded("step.started", 2, "the slow step's start");
      assertThat(rig.record.types())
          .as("a step is recorded as started while it runs")
          .startsWith("run.started")
          .doesNotContain("run.succeeded");
    } finally {
      release.countDown();
    }
    assertThat(run.getResult(RunState.class).status()).isEqualTo(RunStatus.SUCCEEDED);
  }

  @Test
  void stepSucceededCarriesTheActivityResult() {
    rig.run(drill("run-detail", plan(stage("check", verify("a")))));

    RunEvent succeeded = event(RunEventType.STEP_SUCCEEDED);
    assertThat(succeeded.message()).isEqualTo("a done on attempt 1");
    assertThat(succeeded.detail())
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("path", "a")
        .containsEntry("summary", "a done on attempt 1")
        .containsEntry("entries", 7);
  }

  @Test
  void stepFailedCarriesTheFailureTypeAndMessage() {
    rig.script.on("a", StepScript.failAlways(StepFailureType.BAD_INPUT, "no such file"));

    rig.run(drill("run-failure-detail", plan(stage("check", verify("a")))));

    RunEvent failed = event(RunEventType.STEP_FAILED);
    assertThat(failed.message()).isEqualTo("no such file");
    assertThat(failed.detail()).isEqualTo(Map.of("type", "BAD_INPUT", "message", "no such file"));
    assertThat(rig.record.types()).last().isEqualTo("run.failed");
  }

  @Test
  void writesAStepsEndAtOnceWhileItsSiblingsStillRun() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    rig.script.on("slow", StepScript.heartbeatUntil(started, release));
    WorkflowStub run =
        rig.start(
            drill(
                "run-prompt",
                plan(stage("both", verify("quick"), Plans.restore("slow", Plans.ABORT)))));
    started.await();

    try {
      awaitRecorded("step.succeeded", 1, "the quick step's end");
    } finally {
      release.countDown();
    }
    assertThat(run.getResult(RunState.class).status()).isEqualTo(RunStatus.SUCCEEDED);
  }

  /** Waits (up to five seconds) until {@code count} events of {@code type} are recorded. */
  private void awaitRecorded(String type, int count, String what) {
    Awaitility.await(what + " to reach the record while the stage still runs")
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> rig.record.types(),
            types -> types.stream().filter(type::equals).count() >= count);
  }

  /** The record of a successful plan of two stages, steps a and b: every event once, in order. */
  private void assertTwoStepRunRecordedOnce(String why) {
    assertThat(rig.record.events())
        .extracting(RunJournalTest::describe)
        .as(why)
        .containsExactly(
            "run.started",
            "step.started a",
            "step.succeeded a",
            "step.started b",
            "step.succeeded b",
            "run.succeeded");
    assertThat(rig.record.events())
        .extracting(RunEvent::seq)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, 6).boxed().toList());
  }

  private static String describe(RunEvent event) {
    return event.type().wireName() + (event.stepId() == null ? "" : " " + event.stepId());
  }

  private RunEvent event(RunEventType type) {
    return rig.record.events().stream()
        .filter(event -> event.type() == type)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type.wireName() + " event was recorded"));
  }
}
