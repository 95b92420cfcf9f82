package dev.lifeboat.workflow.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The scheduler workflow on Temporal's time-skipping test server: days pass in milliseconds, so the
 * fire times are exact and the DST change is a real calendar day.
 */
class ScheduleWorkflowImplTest {
  /** Berlin moves its clocks from 02:00 CET to 03:00 CEST on Sunday 29 March 2026. */
  static final Instant BEFORE_DST = Instant.parse("2026-03-27T00:00:00Z");

  static final String QUEUE = "schedules-test";

  TestWorkflowEnvironment env;
  FakeScheduleActivity record = new FakeScheduleActivity();
  WorkflowClient client;

  @BeforeEach
  void start() {
    env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setInitialTime(BEFORE_DST).build());
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(ScheduleWorkflowImpl.class);
    worker.registerActivitiesImplementations(record);
    env.start();
    client = env.getWorkflowClient();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  ScheduleWorkflow schedule(String cron, String zone, OverlapPolicy overlap, int firesPerRun) {
    ScheduleWorkflow workflow =
        client.newWorkflowStub(
            ScheduleWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(QUEUE)
                .setWorkflowId(ScheduleInput.workflowId("s1"))
                .build());
    WorkflowClient.start(
        workflow::run,
        new ScheduleInput(
            "s1",
            cron,
            zone,
            overlap,
            false,
            env.currentTimeMillis(),
            null,
            null,
            firesPerRun,
            Duration.ofMinutes(1).toMillis()));
    return workflow;
  }

  @Test
  void firesAtNineLocalTimeBeforeAndAfterTheDaylightSavingChange() {
    schedule("0 9 * * *", "Europe/Berlin", OverlapPolicy.SKIP, 100);

    env.sleep(Duration.ofDays(4));

    assertThat(record.fireTimes())
        .as("09:00 in Berlin is 08:00 UTC in winter time and 07:00 UTC from 29 March")
        .containsExactly(
            Instant.parse("2026-03-27T08:00:00Z"),
            Instant.parse("2026-03-28T08:00:00Z"),
            Instant.parse("2026-03-29T07:00:00Z"),
            Instant.parse("2026-03-30T07:00:00Z"));
    assertThat(record.fires).allMatch(fire -> fire.kind() == FireKind.SCHEDULED);
  }

  @Test
  void keepsFiringAfterContinuingAsNew() {
    ScheduleWorkflow workflow = schedule("0 * * * *", "UTC", OverlapPolicy.SKIP, 2);
    String firstRun = WorkflowStub.fromTyped(workflow).getExecution().getRunId();

    env.sleep(Duration.ofHours(5).plusMinutes(30));

    assertThat(record.fireTimes())
        .containsExactly(
            Instant.parse("2026-03-27T01:00:00Z"),
            Instant.parse("2026-03-27T02:00:00Z"),
            Instant.parse("2026-03-27T03:00:00Z"),
            Instant.parse("2026-03-27T04:00:00Z"),
            Instant.parse("2026-03-27T05:00:00Z"));
    WorkflowStub first =
        client.newUntypedWorkflowStub(
            ScheduleInput.workflowId("s1"), Optional.of(firstRun), Optional.empty());
    assertThat(
            client
                .getWorkflowServiceStubs()
                .blockingStub()
                .describeWorkflowExecution(
                    io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest.newBuilder()
                        .setNamespace(env.getNamespace())
                        .setExecution(first.getExecution())
                        .build())
                .getWorkflowExecutionInfo()
                .getStatus())
        .as("the first run handed over to a new run after 2 fires")
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW);
    assertThat(workflow.state().lastRunId())
        .as("the previous run is carried over")
        .isEqualTo("run-5");
  }

  @Test
  void skipsAFireWhileThePreviousRunIsActive() {
    record.runsEndAtOnce = false;
    schedule("0 * * * *", "UTC", OverlapPolicy.SKIP, 100);

    env.sleep(Duration.ofHours(3).plusMinutes(30));

    assertThat(record.fireTimes()).containsExactly(Instant.parse("2026-03-27T01:00:00Z"));
    assertThat(record.skipped.stream().map(FakeScheduleActivity.Fire::at))
        .containsExactly(
            Instant.parse("2026-03-27T02:00:00Z"), Instant.parse("2026-03-27T03:00:00Z"));
  }

  @Test
  void queuesAFireUntilThePreviousRunEnds() {
    record.runsEndAtOnce = false;
    schedule("0 * * * *", "UTC", OverlapPolicy.QUEUE, 100);
    env.sleep(Duration.ofHours(2).plusMinutes(30));
    assertThat(record.fires).as("the 02:00 fire waits for run-1").hasSize(1);

    record.ended.add("run-1");
    env.sleep(Duration.ofMinutes(2));

    assertThat(record.fires).hasSize(2);
    assertThat(record.fires.get(1).at())
        .as("the queued fire keeps its fire time")
        .isEqualTo(Instant.parse("2026-03-27T02:00:00Z"));
    assertThat(record.skipped).isEmpty();
    assertThat(record.cancelled).isEmpty();
  }

  @Test
  void cancelsThePreviousRunBeforeLaunching() {
    record.runsEndAtOnce = false;
    schedule("0 * * * *", "UTC", OverlapPolicy.CANCEL_PREVIOUS, 100);

    env.sleep(Duration.ofHours(2).plusMinutes(30));

    assertThat(record.cancelled).containsExactly("run-1");
    assertThat(record.fires.stream().map(FakeScheduleActivity.Fire::runId))
        .containsExactly("run-1", "run-2");
  }

  @Test
  void firesNothingWhilePausedAndGoesOnFromNowWhenResumed() {
    ScheduleWorkflow workflow = schedule("0 * * * *", "UTC", OverlapPolicy.SKIP, 100);
    env.sleep(Duration.ofMinutes(90));
    workflow.pause();
    env.sleep(Duration.ofHours(3));
    assertThat(record.fires).hasSize(1);
    assertThat(workflow.state().paused()).isTrue();

    workflow.resume();
    env.sleep(Duration.ofMinutes(45));

    assertThat(record.fireTimes())
        .as("the fires due while paused (02:00 to 04:00) never run")
        .containsExactly(
            Instant.parse("2026-03-27T01:00:00Z"), Instant.parse("2026-03-27T05:00:00Z"));
  }

  @Test
  void runsNowWhenAskedEvenWhilePausedAndEndsWhenDeleted() {
    ScheduleWorkflow workflow = schedule("0 9 * * *", "UTC", OverlapPolicy.SKIP, 100);
    workflow.pause();
    env.sleep(Duration.ofMinutes(10));

    workflow.runNow("alice");
    env.sleep(Duration.ofSeconds(5));
    workflow.delete();
    WorkflowStub.fromTyped(workflow).getResult(Void.class);

    assertThat(record.fires).hasSize(1);
    assertThat(record.fires.get(0).kind()).isEqualTo(FireKind.RUN_NOW);
    assertThat(record.fires.get(0).at()).isBetween(BEFORE_DST, BEFORE_DST.plusSeconds(900));
  }

  @Test
  void launchesTheLateFireFirst() {
    ScheduleWorkflow workflow =
        client.newWorkflowStub(
            ScheduleWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(QUEUE)
                .setWorkflowId(ScheduleInput.workflowId("late"))
                .build());
    long missed = BEFORE_DST.minusSeconds(600).toEpochMilli();
    WorkflowClient.start(
        workflow::run,
        new ScheduleInput(
            "late",
            "*/50 * * * *",
            "UTC",
            OverlapPolicy.SKIP,
            false,
            missed,
            missed,
            null,
            10,
            60_000));

    env.sleep(Duration.ofMinutes(1));

    assertThat(record.fires).hasSize(1);
    assertThat(record.fires.get(0))
        .isEqualTo(
            new FakeScheduleActivity.Fire(Instant.ofEpochMilli(missed), FireKind.LATE, "run-1"));
    assertThat(List.of(workflow.state().nextFireMillis()))
        .containsExactly(Instant.parse("2026-03-27T00:50:00Z").toEpochMilli());
  }
}
