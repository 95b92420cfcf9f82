package dev.lifeboat.workflow;

import static dev.lifeboat.workflow.Plans.drill;
import static dev.lifeboat.workflow.Plans.plan;
import static dev.lifeboat.workflow.Plans.stage;
import static dev.lifeboat.workflow.Plans.verify;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.runbook.Runbook;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays histories recorded by earlier versions of {@link RunbookWorkflowImpl}, so a change that
 * would break running workflows fails the build. Such a change must go behind {@code
 * Workflow.getVersion}; the old histories stay and a new one is recorded beside them.
 *
 * <p>To record the histories again (only when the old ones are meant to go, e.g. before the first
 * release), run from the repository root:
 *
 * <pre>
 * mvn -B -o -pl workflows -am test -Dtest='dev.lifeboat.workflow.RunbookWorkflowReplayTest' \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dlifeboat.recordHistories=true
 * </pre>
 *
 * and commit the files under {@code src/test/resources/dev/lifeboat/workflow/histories/}.
 */
class RunbookWorkflowReplayTest {
  static final Path HISTORIES = Path.of("src/test/resources/dev/lifeboat/workflow/histories");

  @RegisterExtension static final TestWorkflowExtension temporal = WorkflowRig.extension();

  final WorkflowRig rig = new WorkflowRig();

  @BeforeEach
  void startWorker(TestWorkflowEnvironment env, Worker worker) {
    rig.start(env, worker);
  }

  @ParameterizedTest
  @ValueSource(strings = {"drill-succeeds", "drill-aborts", "drill-cancelled", "drill-write-ahead"})
  void replaysRecordedHistory(String name) throws Exception {
    // Throws when today's code would take a different path than the recorded run did.
    WorkflowReplayer.replayWorkflowExecution(history(name), RunbookWorkflowImpl.class);
  }

  @Test
  @EnabledIfSystemProperty(named = "lifeboat.recordHistories", matches = "true")
  void recordsHistories() throws Exception {
    // Every kind, a retried step, a failure the plan continues past, parallel steps.
    rig.script
        .on("flaky", StepScript.failFirst(1, StepFailureType.UNAVAILABLE))
        .on("optional", StepScript.failAlways(StepFailureType.CHECK_FAILED, "replica lags"));
    Runbook succeeds =
        plan(
            stage(
                "check",
                verify("flaky"),
                Plans.health("db-up"),
                verify("optional", Plans.CONTINUE)),
            stage("restore", Plans.restore("load", Plans.ABORT)),
            stage("announce", Plans.notify("tell", "Run ${run.id} done")));
    save("drill-succeeds", rig.start(drill("drill-succeeds", succeeds)));

    rig.script.on("bad", StepScript.failAlways(StepFailureType.BAD_INPUT, "no such file"));
    Runbook aborts =
        plan(stage("check", verify("bad"), verify("sibling")), stage("later", verify("later")));
    save("drill-aborts", rig.start(drill("drill-aborts", aborts)));

    CountDownLatch started = new CountDownLatch(1);
    rig.script.on("long", StepScript.heartbeatUntil(started, new CountDownLatch(1)));
    Runbook cancelled =
        plan(stage("restore", Plans.restore("long", Plans.ABORT)), stage("after", verify("after")));
    WorkflowStub cancelledRun = rig.start(drill("drill-cancelled", cancelled));
    started.await();
    cancelledRun.cancel();
    save("drill-cancelled", cancelledRun);

    // Since RunJournal.WRITE_AHEAD: each stage's starts written before it is scheduled, ends of
    // parallel steps as they arrive, a retried step and a failure continued past.
    rig.script
        .on("wa-flaky", StepScript.failFirst(1, StepFailureType.UNAVAILABLE))
        .on("wa-optional", StepScript.failAlways(StepFailureType.CHECK_FAILED, "replica lags"));
    Runbook writeAhead =
        plan(
            stage(
                "check",
                verify("wa-flaky"),
                Plans.health("wa-db-up"),
                verify("wa-optional", Plans.CONTINUE)),
            stage("restore", Plans.restore("wa-load", Plans.ABORT)),
            stage("announce", Plans.notify("wa-tell", "Run ${run.id} done")));
    save("drill-write-ahead", rig.start(drill("drill-write-ahead", writeAhead)));
  }

  private void save(String name, WorkflowStub run) throws IOException {
    try {
      run.getResult(RunState.class);
    } catch (RuntimeException cancelledOrFailed) {
      // The history is what matters here, however the run ended.
    }
    String json = rig.client().fetchHistory(name).toJson(true);
    Files.createDirectories(HISTORIES);
    Files.writeString(HISTORIES.resolve(name + ".json"), json);
  }

  private static String history(String name) throws IOException {
    String resource = "histories/" + name + ".json";
    try (InputStream in = RunbookWorkflowReplayTest.class.getResourceAsStream(resource)) {
      assertThat(in)
          .as("recorded history %s is missing; see this class's Javadoc to record it", resource)
          .isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
