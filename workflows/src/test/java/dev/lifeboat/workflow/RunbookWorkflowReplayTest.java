package dev.lifeboat.workflow;

import static dev.lifeboat.workflow.Plans.drill;
import static dev.lifeboat.workflow.Plans.plan;
import static dev.lifeboat.workflow.Plans.stage;
import static dev.lifeboat.workflow.Plans.verify;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.runbook.CommandStep;
import dev.lifeboat.runbook.OnFailure;
import dev.lifeboat.runbook.Runbook;
import dev.lifeboat.runbook.Stage;
import dev.lifeboat.runbook.Step;
import dev.lifeboat.runbook.StepPolicy;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * <p>To record the histories that are missing (a new one added below; an existing file is never
 * overwritten, so delete one first only when it is meant to go), run from the repository root:
 *
 * <pre>
 * mvn -B -o -pl workflows -am test -Dtest='dev.lifeboat.workflow.RunbookWorkflowReplayTest' \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dlifeboat.recordHistories=true
 * </pre>
 *
 * and commit the files under {@code src/test/resources/dev/lifeboat/workflow/histories/}.
 *
 * <p>{@code drill-every-kind}, {@code drill-sites} and the {@code tabletop-*} histories were
 * recorded just before the step kinds were declared in {@code StepKinds} and dispatched from those
 * declarations; that they replay shows the dispatch kept its activity types, options and order.
 */
class RunbookWorkflowReplayTest {
  static final Path HISTORIES = Path.of("src/test/resources/dev/lifeboat/workflow/histories");

  @RegisterExtension static final TestWorkflowExtension temporal = WorkflowRig.extension();

  /** A step only a recovery runs ({@code modes: [recovery]}). */
  private static final StepPolicy RECOVERY_ONLY =
      new StepPolicy(
          Plans.ABORT.timeout(),
          Plans.ABORT.retry(),
          Plans.ABORT.onFailure(),
          null,
          null,
          List.of("recovery"));

  final WorkflowRig rig = new WorkflowRig();

  /** What the worker at site dr-east ran. */
  final StepScript drEast = new StepScript();

  @BeforeEach
  void startWorkers(TestWorkflowEnvironment env, Worker worker) {
    env.newWorker(SiteQueues.of(worker.getTaskQueue(), "dr-east"))
        .registerActivitiesImplementations(WorkflowRig.siteActivities(drEast));
    rig.start(env, worker);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "drill-succeeds",
        "drill-aborts",
        "drill-cancelled",
        "drill-finally",
        "drill-finally-cancelled",
        "drill-write-ahead",
        "drill-every-kind",
        "drill-sites",
        "tabletop-walk",
        "tabletop-cancelled",
        "drill-cleanup",
        "drill-cleanup-failed",
        "drill-cleanup-cancelled",
        "recovery-keeps-undos",
        "drill-resumed"
      })
  void replaysRecordedHistory(String name) throws Exception {
    // Throws when today's code would take a different path than the recorded run did.
    try (TestWorkflowEnvironment replaying = TestWorkflowEnvironment.newInstance()) {
      WorkflowReplayer.replayWorkflowExecution(
          WorkflowExecutionHistory.fromJson(history(name)), replayer(replaying));
    }
  }

  /**
   * A worker that replays with a patient deadlock detector: the default fails a workflow thread
   * that does not yield within 1s, and the first payloads a JVM decodes and encodes (Jackson
   * building its (de)serialisers) can take that long on a loaded machine, which is no deadlock.
   */
  private static Worker replayer(TestWorkflowEnvironment env) {
    Worker worker =
        env.newWorker(
            "replay",
            WorkerOptions.newBuilder().setDefaultDeadlockDetectionTimeout(30_000).build());
    worker.registerWorkflowImplementationTypes(RunbookWorkflowImpl.class);
    return worker;
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

    // Every failed attempt reported by the worker, a failure the plan continues past, then
    // finally stages telling the outcome and cleaning up (one of them failing).
    rig.script
        .on("retried", StepScript.failFirst(2, StepFailureType.UNAVAILABLE))
        .on("lagging", StepScript.failAlways(StepFailureType.CHECK_FAILED, "replica lags"))
        .on("cleanup", StepScript.failAlways(StepFailureType.BAD_INPUT, "nothing to clean"));
    Runbook withFinally =
        Plans.withFinally(
            plan(
                stage("check", verify("retried"), verify("lagging", Plans.CONTINUE)),
                stage("restore", Plans.restore("restored", Plans.ABORT))),
            stage("tell", Plans.notify("tell", "${run.outcome} ${failedStep.id}")),
            stage("clean", Plans.command("cleanup")));
    save("drill-finally", rig.start(drill("drill-finally", withFinally)));

    CountDownLatch restoring = new CountDownLatch(1);
    rig.script.on("interrupted", StepScript.heartbeatUntil(restoring, new CountDownLatch(1)));
    Runbook cancelledWithFinally =
        Plans.withFinally(
            plan(stage("restore", Plans.restore("interrupted", Plans.ABORT))),
            stage("tell", Plans.notify("told", "${run.outcome} ${failedStep.id}")));
    WorkflowStub cancelledWithFinallyRun =
        rig.start(drill("drill-finally-cancelled", cancelledWithFinally));
    restoring.await();
    cancelledWithFinallyRun.cancel();
    save("drill-finally-cancelled", cancelledWithFinallyRun);

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

  @Test
  @EnabledIfSystemProperty(named = "lifeboat.recordHistories", matches = "true")
  void recordsHistoriesOfEveryKindSitesAndTabletop() throws Exception {
    // Every step kind; a failover that fails at its second action and one whose http action is
    // retried; a notify whose template reads the earlier steps.
    rig.script
        .on("ek-command", StepScript.failFirst(1, StepFailureType.UNAVAILABLE))
        .on("ek-broken-standby", StepScript.failAlways(StepFailureType.CHECK_FAILED, "no standby"))
        .on("http://lb.test/ek-failover", StepScript.failFirst(1, StepFailureType.UNAVAILABLE));
    Runbook everyKind =
        everyKind(
            "ek",
            "${run.outcome}: <#list steps as s>${s.id} </#list>",
            Plans.failover("ek-broken", Plans.CONTINUE));
    save("drill-every-kind", rig.start(drill("drill-every-kind", everyKind)));

    // A command and a failover at dr-east, their siblings on the main worker (notify always), and
    // a step at a site no worker serves.
    StepPolicy oneSecond =
        new StepPolicy(Duration.ofSeconds(1), Plans.QUICK_RETRY, OnFailure.CONTINUE);
    Runbook sites =
        plan(
            stage(
                "restore",
                new CommandStep(
                    "st-east", Plans.ABORT.atSite("dr-east"), Plans.command("st-east").request()),
                Plans.command("st-main"),
                Plans.failover("st-switch", Plans.ABORT.atSite("dr-east")),
                Plans.notify("st-tell", "done")),
            stage(
                "nobody",
                new CommandStep(
                    "st-west", oneSecond.atSite("dr-west"), Plans.command("st-west").request())));
    save("drill-sites", rig.start(drill("drill-sites", sites)));

    save("tabletop-walk", walk());

    WorkflowStub cancelledWalk =
        rig.start(TabletopWalkTest.tabletop("tabletop-cancelled", walkPlan()));
    RunbookWorkflow walk = rig.existing("tabletop-cancelled");
    TabletopWalkTest.await(walk, s -> awaitsAck(s, "tw-verify"));
    walk.acknowledge(new AcknowledgeRequest("tw-verify", AckOutcome.OK, null, "bob"));
    cancelledWalk.cancel();
    save("tabletop-cancelled", cancelledWalk);
  }

  @Test
  @EnabledIfSystemProperty(named = "lifeboat.recordHistories", matches = "true")
  void recordsHistoriesOfModesAndCleanup() throws Exception {
    // Since "step-modes" and "cleanup-undo": a step only a recovery runs, the sql and wait kinds,
    // undos run newest first after success, after a failure (one undo failing) and after cancel;
    // a recovery that registers undos and runs none.
    save("drill-cleanup", rig.start(drill("drill-cleanup", cleanupPlan("dc", Plans.ABORT))));

    rig.script
        .on("dcf-b", StepScript.failAlways(StepFailureType.BAD_INPUT, "broken dump"))
        .on("dcf-drop-a", StepScript.failAlways(StepFailureType.BAD_INPUT, "no privilege"));
    save(
        "drill-cleanup-failed",
        rig.start(drill("drill-cleanup-failed", cleanupPlan("dcf", Plans.ABORT))));

    CountDownLatch started = new CountDownLatch(1);
    rig.script.on("dcc-b", StepScript.heartbeatUntil(started, new CountDownLatch(1)));
    WorkflowStub cancelled =
        rig.start(
            drill(
                "drill-cleanup-cancelled",
                cleanupPlan(
                    "dcc",
                    Plans.policy(Duration.ofSeconds(2), Plans.QUICK_RETRY, OnFailure.ABORT))));
    started.await();
    cancelled.cancel();
    save("drill-cleanup-cancelled", cancelled);

    Runbook recovery =
        plan(
            stage(
                "fence",
                Plans.command("rk-fence").withPolicy(RECOVERY_ONLY),
                Plans.undoneBy(Plans.restore("rk-a", Plans.ABORT), Plans.sql("rk-drop-a"))),
            stage("settle", Plans.pause("rk-settle", Duration.ofMillis(200))));
    save(
        "recovery-keeps-undos",
        rig.start(
            new RunInput("recovery-keeps-undos", recovery, RunMode.RECOVERY, Map.of(), "carol")));
  }

  /**
   * Two restores each undone by a {@code sql} drop, a {@code wait}, a fence only a recovery runs
   * (skipped in these drills), and a check; ids start with {@code prefix}.
   */
  private static Runbook cleanupPlan(String prefix, StepPolicy second) {
    return plan(
        stage(
            "one",
            Plans.undoneBy(
                Plans.restore(prefix + "-a", Plans.ABORT), Plans.sql(prefix + "-drop-a")),
            Plans.command(prefix + "-fence").withPolicy(RECOVERY_ONLY)),
        stage("settle", Plans.pause(prefix + "-settle", Duration.ofMillis(200))),
        stage(
            "two",
            Plans.undoneBy(Plans.restore(prefix + "-b", second), Plans.sql(prefix + "-drop-b"))),
        stage("three", verify(prefix + "-c")));
  }

  @Test
  @EnabledIfSystemProperty(named = "lifeboat.recordHistories", matches = "true")
  void recordsResumedHistory() throws Exception {
    // Since CarryOver.CHANGE_ID: a drill resuming another, one step of a partly done stage and
    // a whole stage carried over (one with an undo, registered though it does not run), a step
    // its mode skips, the rest run, and the cleanup undoing what the carried step did.
    Runbook resumed =
        Plans.withFinally(
            plan(
                stage(
                    "restore",
                    Plans.undoneBy(Plans.restore("rs-load", Plans.ABORT), Plans.sql("rs-drop")),
                    Plans.command("rs-fence").withPolicy(RECOVERY_ONLY)),
                stage("check", verify("rs-done"), Plans.health("rs-check")),
                stage("after", verify("rs-after"))),
            stage("tell", Plans.notify("rs-tell", "<#list steps as s>${s.id} </#list>")));
    Instant then = Instant.parse("2026-11-30T10:00:00Z");
    List<CarriedStep> carried =
        List.of(
            new CarriedStep("rs-load", "run-0", 1, then, then.plusSeconds(5), "restored", null),
            new CarriedStep("rs-done", "run-0", 2, then, then.plusSeconds(7), "verified", null));
    save(
        "drill-resumed",
        rig.start(
            new RunInput(
                "drill-resumed",
                resumed,
                RunMode.DRILL,
                Map.of(),
                "bob",
                new Resumption("run-0", carried))));
  }

  /** A tabletop walk of every kind in two stages and a finally stage, with a gap found. */
  private WorkflowStub walk() {
    WorkflowStub run = rig.start(TabletopWalkTest.tabletop("tabletop-walk", walkPlan()));
    RunbookWorkflow walk = rig.existing("tabletop-walk");
    TabletopWalkTest.await(walk, s -> awaitsAck(s, "tw-verify"));
    walk.acknowledge(new AcknowledgeRequest("tw-verify", AckOutcome.OK, null, "bob"));
    walk.acknowledge(
        new AcknowledgeRequest(
            "tw-health", AckOutcome.GAP, "nobody knows the health URL", "carol"));
    TabletopWalkTest.await(walk, s -> awaitsAck(s, "tw-restore"));
    for (String id : List.of("tw-restore", "tw-command", "tw-failover")) {
      walk.acknowledge(new AcknowledgeRequest(id, AckOutcome.OK, "walked through", "bob"));
    }
    TabletopWalkTest.await(walk, s -> awaitsAck(s, "tw-notify"));
    walk.acknowledge(new AcknowledgeRequest("tw-notify", AckOutcome.OK, null, "carol"));
    return run;
  }

  private static Runbook walkPlan() {
    return everyKind("tw", "${run.outcome}");
  }

  /**
   * A step of every kind, ids starting with {@code prefix}: verify and health-check, then restore,
   * command, start-failover and {@code more}, and a finally stage that notifies with {@code
   * message}.
   */
  private static Runbook everyKind(String prefix, String message, Step... more) {
    List<Step> act = new ArrayList<>();
    act.add(Plans.restore(prefix + "-restore", Plans.ABORT));
    act.add(Plans.command(prefix + "-command"));
    act.add(Plans.failover(prefix + "-failover", Plans.ABORT));
    act.addAll(List.of(more));
    return Plans.withFinally(
        plan(
            stage("check", verify(prefix + "-verify"), Plans.health(prefix + "-health")),
            new Stage("act", act)),
        stage("tell", Plans.notify(prefix + "-notify", message)));
  }

  private static boolean awaitsAck(RunState state, String stepId) {
    return RunbookWorkflowImplTest.step(state, stepId).status() == StepStatus.AWAITING_ACK;
  }

  /** Waits for the run's end and writes its history, unless one was recorded before. */
  private void save(String name, WorkflowStub run) throws IOException {
    try {
      run.getResult(RunState.class);
    } catch (RuntimeException cancelledOrFailed) {
      // The history is what matters here, however the run ended.
    }
    Path file = HISTORIES.resolve(name + ".json");
    if (Files.exists(file)) {
      return;
    }
    Files.createDirectories(HISTORIES);
    Files.writeString(file, rig.client().fetchHistory(name).toJson(true));
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
