package dev.lifeboat.app.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.app.TestRecord;
import dev.lifeboat.app.plans.PlanCatalog;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The daily check on Temporal's time-skipping test server, with the real notice activity on a real
 * record: a notice a day while the plan is overdue, none once a passing drill exists.
 */
class CoverageWatchWorkflowTest {
  @RegisterExtension static final TestPostgres pg = new TestPostgres();

  final Jdbi record = TestRecord.create(pg, "lifeboat_coverage_watch").jdbi();
  final FakeNotifier notifier = new FakeNotifier();
  final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();

  @AfterEach
  void close() {
    env.close();
  }

  @Test
  void sendsANoticeEachDayUntilAPassingDrillExists() {
    Worker worker = env.newWorker("coverage");
    worker.registerWorkflowImplementationTypes(CoverageWatchWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new CoverageNoticeActivityImpl(
            new ComplianceView(
                new PlanCatalog(
                    List.of(PastRuns.plan("shop", "Shop", "exercise: {drill_every: 30d}")),
                    List.of()),
                record.onDemand(ComplianceDao.class),
                new NoFindingsYet(),
                new NoSchedulesYet(),
                Clock.systemUTC()),
            record,
            Map.of(),
            notifier));
    env.start();
    CoverageWatchWorkflow watch =
        env.getWorkflowClient()
            .newWorkflowStub(
                CoverageWatchWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(CoverageWatchWorkflow.WORKFLOW_ID)
                    .setTaskQueue("coverage")
                    .build());
    WorkflowClient.start(watch::watch, new CoverageWatchInput(3));

    env.sleep(Duration.ofDays(1).plusHours(1));
    assertThat(notifier.sent).as("a notice on the first day and one on the second").hasSize(2);
    assertThat(record.onDemand(CoverageNoticeDao.class).count("shop", "drill")).isEqualTo(2);

    new PastRuns(record)
        .add(
            "shop",
            "drill",
            "succeeded",
            "pass",
            Instant.ofEpochMilli(env.currentTimeMillis()).minus(Duration.ofHours(1)))
        .write();
    env.sleep(Duration.ofDays(4));
    assertThat(notifier.sent)
        .as("no notice once a drill passed, across continue-as-new")
        .hasSize(2);
  }
}
