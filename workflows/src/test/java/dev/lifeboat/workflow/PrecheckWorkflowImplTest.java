package dev.lifeboat.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeboat.activities.precheck.CheckLine;
import dev.lifeboat.activities.precheck.CheckStatus;
import dev.lifeboat.activities.precheck.PrecheckActivity;
import dev.lifeboat.activities.precheck.PrecheckRequest;
import dev.lifeboat.activities.precheck.PrecheckResult;
import dev.lifeboat.activities.precheck.ServerNeed;
import dev.lifeboat.runbook.ApprovalTimeout;
import dev.lifeboat.runbook.OnFailure;
import dev.lifeboat.runbook.Retry;
import dev.lifeboat.runbook.Runbook;
import dev.lifeboat.runbook.StepPolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The precheck walks every step (stages, finally stages, undos), checks each on the task queue the
 * step would run on, records one event per check and ends failed when a check failed. The check
 * activity is faked at the module seam: it says which worker answered and fails a promote.
 */
class PrecheckWorkflowImplTest {
  @RegisterExtension
  static final TestWorkflowExtension temporal =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(PrecheckWorkflowImpl.class)
          .setDoNotStart(true)
          .build();

  private final FakeRunRecordActivity record = new FakeRunRecordActivity();
  private final FakePrecheck main = new FakePrecheck("main");
  private final FakePrecheck drEast = new FakePrecheck("dr-east");
  private WorkflowClient client;
  private String queue;

  /** Answers one ok line per host, a fail for a server that must be a standby. */
  static final class FakePrecheck implements PrecheckActivity {
    final List<PrecheckRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private final String worker;

    FakePrecheck(String worker) {
      this.worker = worker;
    }

    @Override
    public PrecheckResult precheck(PrecheckRequest request) {
      requests.add(request);
      List<CheckLine> lines = new ArrayList<>();
      lines.add(new CheckLine(request.stepId(), "worker", CheckStatus.OK, worker));
      for (ServerNeed server : request.servers()) {
        lines.add(
            new CheckLine(
                request.stepId(),
                "server " + server.server(),
                server.standby() ? CheckStatus.FAIL : CheckStatus.OK,
                server.standby() ? "a primary" : "reachable"));
      }
      return new PrecheckResult(lines);
    }
  }

  @BeforeEach
  void start(TestWorkflowEnvironment env, Worker worker) {
    worker.registerActivitiesImplementations(main, record);
    env.newWorker(SiteQueues.of(worker.getTaskQueue(), "dr-east"))
        .registerActivitiesImplementations(drEast);
    env.start();
    client = env.getWorkflowClient();
    queue = worker.getTaskQueue();
  }

  private PrecheckReport precheck(String runId, Runbook plan) {
    return client
        .newWorkflowStub(
            PrecheckWorkflow.class,
            WorkflowOptions.newBuilder().setTaskQueue(queue).setWorkflowId(runId).build())
        .precheck(new RunInput(runId, plan, RunMode.PRECHECK, Map.of(), "alice"));
  }

  @Test
  void checksEveryStepWhereItWouldRunAndRecordsOneEventPerCheck() {
    Runbook plan =
        Plans.withFinally(
            Plans.plan(
                Plans.stage(
                    "prepare",
                    Plans.undoneBy(
                        Plans.command("east-cmd").withPolicy(Plans.ABORT.atSite("dr-east")),
                        Plans.command("east-undo").withPolicy(Plans.ABORT.atSite("dr-east"))),
                    Plans.approval("gate", 2, Duration.ofMinutes(1), ApprovalTimeout.FAIL)),
                Plans.stage("switch", Plans.sql("query"))),
            Plans.stage("tell", Plans.notify("done", "precheck")));

    PrecheckReport report = precheck("pre-1", plan);

    assertThat(report.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(report.checks())
        .extracting(line -> line.stepId() + "@" + line.measured())
        .containsExactly(
            "east-cmd@dr-east",
            "east-undo@dr-east",
            "gate@main",
            "query@main",
            "query@reachable",
            "done@main");
    assertThat(drEast.requests)
        .extracting(PrecheckRequest::hosts)
        .containsExactlyInAnyOrder(List.of("east-cmd"), List.of("east-undo"));
    assertThat(main.requests)
        .filteredOn(request -> request.stepId().equals("gate"))
        .singleElement()
        .satisfies(request -> assertThat(request.approvers().approvers()).isEqualTo(2));
    List<RunEvent> events = record.events();
    assertThat(events)
        .extracting(RunEvent::type)
        .containsExactly(
            RunEventType.RUN_STARTED,
            RunEventType.PRECHECK_CHECK,
            RunEventType.PRECHECK_CHECK,
            RunEventType.PRECHECK_CHECK,
            RunEventType.PRECHECK_CHECK,
            RunEventType.PRECHECK_CHECK,
            RunEventType.PRECHECK_CHECK,
            RunEventType.RUN_SUCCEEDED);
    assertThat(events.get(events.size() - 1).message()).isEqualTo("6 checks: 0 failed, 0 warned");
    assertThat(events.get(1))
        .as("a check is recorded on its step")
        .satisfies(
            event -> {
              assertThat(event.stage()).isEqualTo("prepare");
              assertThat(event.stepId()).isEqualTo("east-cmd");
              assertThat(event.kind()).isEqualTo("command");
              assertThat(event.message()).isEqualTo("worker: dr-east");
            });
    assertThat(events.get(2).stage()).as("an undo is in the cleanup").isEqualTo(Cleanup.STAGE);
  }

  @Test
  void endsFailedWhenACheckFailsOrNoWorkerServesTheStepsSite() {
    StepPolicy atDrWest =
        new StepPolicy(Duration.ofSeconds(1), new Retry(1, Duration.ZERO, 1.0), OnFailure.ABORT)
            .atSite("dr-west");
    Runbook plan =
        Plans.plan(
            Plans.stage(
                "switch",
                Plans.failover("switch", Plans.ABORT),
                Plans.command("west").withPolicy(atDrWest)));

    PrecheckReport report = precheck("pre-2", plan);

    assertThat(report.status()).isEqualTo(RunStatus.FAILED);
    List<String> failed =
        report.checks().stream()
            .filter(line -> line.status() == CheckStatus.FAIL)
            .map(CheckLine::format)
            .toList();
    assertThat(failed).hasSize(2);
    assertThat(failed.get(0)).isEqualTo("fail  switch  server switch-standby: a primary");
    assertThat(failed.get(1))
        .as("a site without a worker is named, not waited on for ever")
        .startsWith(
            "fail  west  worker on "
                + SiteQueues.of(queue, "dr-west")
                + ": the check did not run there");
    assertThat(record.events().get(record.events().size() - 1).message())
        .isEqualTo("3 checks: 2 failed, 0 warned");
  }
}
