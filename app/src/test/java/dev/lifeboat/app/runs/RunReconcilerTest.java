package dev.lifeboat.app.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.app.TestRecord;
import dev.lifeboat.app.TestRuns;
import dev.lifeboat.app.embedded.EmbeddedTemporalServer;
import dev.lifeboat.app.store.RunDao;
import dev.lifeboat.app.store.RunEventDao;
import dev.lifeboat.app.store.RunEventRow;
import dev.lifeboat.app.store.RunStore;
import dev.lifeboat.app.temporal.TemporalConnection;
import dev.lifeboat.workflow.RunEventType;
import dev.lifeboat.workflow.RunStatus;
import dev.lifeboat.workflow.StepState;
import dev.lifeboat.workflow.StepStatus;
import io.dropwizard.jackson.Jackson;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A restart of the embedded Temporal server loses workflows; the record must say so. */
class RunReconcilerTest {
  @RegisterExtension static final TestPostgres pg = new TestPostgres();

  private EmbeddedTemporalServer temporalServer;
  private TemporalConnection temporal;
  private RunDao runs;
  private RunEventDao events;
  private RunStore store;
  private Jdbi jdbi;
  private RunReconciler reconciler;

  @BeforeEach
  void start() {
    temporalServer = EmbeddedTemporalServer.start("127.0.0.1", 0);
    temporal = TemporalConnection.to(temporalServer.target(), "default");
    jdbi = TestRecord.create(pg, "lifeboat_reconcile").jdbi();
    runs = jdbi.onDemand(RunDao.class);
    events = jdbi.onDemand(RunEventDao.class);
    store = new RunStore(jdbi);
    reconciler =
        new RunReconciler(
            runs,
            events,
            new RunStore(jdbi),
            new StepStatesFromRecord(new ObjectMapper()),
            temporal.stubs(),
            temporal.namespace(),
            Clock.systemUTC());
  }

  @AfterEach
  void stop() throws Exception {
    temporal.stop();
    temporalServer.stop();
  }

  @Test
  void marksARunWhoseWorkflowVanishedAsInterruptedWithAnEvent() {
    String id = "55555555-5555-5555-5555-555555555555";
    runs.insert(TestRuns.row(id, RunStatus.RUNNING));
    store.append(
        List.of(
            new RunEventRow(
                id,
                1,
                RunEventType.RUN_STARTED,
                Instant.now(),
                null,
                null,
                null,
                0,
                "started",
                null)),
        List.of());

    assertThat(reconciler.reconcile()).isEqualTo(1);

    assertThat(runs.find(id).orElseThrow().status()).isEqualTo(RunStatus.INTERRUPTED);
    assertThat(runs.find(id).orElseThrow().endedAt()).isNotNull();
    List<RunEventRow> recorded = events.forRun(id);
    assertThat(recorded)
        .extracting(RunEventRow::type)
        .containsExactly(RunEventType.RUN_STARTED, RunEventType.RUN_INTERRUPTED);
    assertThat(recorded.get(1).seq()).isEqualTo(2);
    assertThat(recorded.get(1).message()).contains("no longer exists in Temporal");
  }

  @Test
  void closesEveryStepThatWasOpenAsInterruptedBeforeTheRun() {
    String id = "77777777-7777-7777-7777-777777777777";
    runs.insert(
        TestRuns.row(
            id,
            RunStatus.RUNNING,
            """
            {"stages": [
              {"name": "restore", "steps": [{"id": "verify", "kind": "verify-backup"},
                                            {"id": "restore-shop", "kind": "restore-data"}]},
              {"name": "check", "steps": [{"id": "count", "kind": "health-check"}]}]}
            """));
    Instant at = Instant.now();
    store.append(
        List.of(
            new RunEventRow(
                id, 1, RunEventType.RUN_STARTED, at, null, null, null, 0, "started", null),
            step(id, 2, "step.started", "verify", "verify-backup", 1),
            step(id, 3, "step.succeeded", "verify", "verify-backup", 1),
            step(id, 4, "step.started", "restore-shop", "restore-data", 2)),
        List.of());

    assertThat(reconciler.reconcile()).isEqualTo(1);

    List<RunEventRow> recorded = events.forRun(id);
    assertThat(recorded)
        .extracting(event -> event.type().wireName())
        .containsExactly(
            "run.started",
            "step.started",
            "step.succeeded",
            "step.started",
            "step.interrupted",
            "run.interrupted");
    RunEventRow closed = recorded.get(4);
    assertThat(closed.stepId()).isEqualTo("restore-shop");
    assertThat(closed.stage()).isEqualTo("restore");
    assertThat(closed.kind()).isEqualTo("restore-data");
    assertThat(closed.attempt()).isEqualTo(2);
    assertThat(closed.message())
        .isEqualTo(
            "step interrupted while running: its workflow no longer exists in Temporal (was the"
                + " server restarted?)");
    assertThat(
            new StepStatesFromRecord(new ObjectMapper())
                .project(runs.find(id).orElseThrow().planJson(), recorded))
        .extracting(StepState::stepId, StepState::status)
        .as("the record shows no step running forever, and what never started as pending")
        .containsExactly(
            tuple("verify", StepStatus.SUCCEEDED),
            tuple("restore-shop", StepStatus.INTERRUPTED),
            tuple("count", StepStatus.PENDING));
  }

  @Test
  void closesStepsThatWaitedForPeopleAsInterrupted() {
    String id = "88888888-8888-8888-8888-888888888888";
    runs.insert(
        TestRuns.row(
            id,
            RunStatus.RUNNING,
            """
            {"stages": [
              {"name": "gate", "steps": [{"id": "approve", "kind": "approval"},
                                         {"id": "load", "kind": "restore-data"}]}]}
            """));
    Instant at = Instant.now();
    store.append(
        List.of(
            new RunEventRow(
                id, 1, RunEventType.RUN_STARTED, at, null, null, null, 0, "started", null),
            step(id, 2, "step.started", "approve", "approval", 1),
            step(id, 3, "step.started", "load", "restore-data", 1),
            step(id, 4, "step.awaiting_approval", "approve", "approval", 0),
            step(id, 5, "step.awaiting_decision", "load", "restore-data", 0)),
        List.of());

    assertThat(reconciler.reconcile()).isEqualTo(1);

    assertThat(
            new StepStatesFromRecord(new ObjectMapper())
                .project(runs.find(id).orElseThrow().planJson(), events.forRun(id)))
        .extracting(StepState::stepId, StepState::status)
        .as("a step waiting for approvers or a decision is not left waiting forever")
        .containsExactly(
            tuple("approve", StepStatus.INTERRUPTED), tuple("load", StepStatus.INTERRUPTED));
  }

  @Test
  void judgesAnInterruptedDrillFromItsRecordAndFailsIt() {
    ObjectMapper json = Jackson.newObjectMapper();
    RunReconciler judging =
        new RunReconciler(
            runs,
            events,
            new RunStore(jdbi, new RecordedVerdicts(json), json),
            new StepStatesFromRecord(json),
            temporal.stubs(),
            temporal.namespace(),
            Clock.systemUTC());
    String id = "88888888-8888-8888-8888-888888888888";
    runs.insert(
        TestRuns.row(
            id,
            RunStatus.RUNNING,
            """
            {"objectives": {"rto": 900.0, "rpo": 86400.0},
             "stages": [
              {"name": "restore", "steps": [
                {"id": "verify", "kind": "verify-backup", "policy": {}},
                {"id": "restore-shop", "kind": "restore-data",
                 "policy": {"restoresService": true, "undo": {"id": "drop-it", "kind": "sql"}}}]}]}
            """));
    Instant at = Instant.now();
    RunEventRow verified =
        new RunEventRow(
            id,
            3,
            RunEventType.STEP_SUCCEEDED,
            at,
            "restore",
            "verify",
            "verify-backup",
            1,
            "ok",
            """
            {"path": "/backups/shop.dump", "observedRpo": 7200.5,
             "takenAt": "2026-12-01T08:00:00Z", "ageSource": "dump header"}
            """);
    store.append(
        List.of(
            new RunEventRow(
                id, 1, RunEventType.RUN_STARTED, at, null, null, null, 0, "started", null),
            step(id, 2, "step.started", "verify", "verify-backup", 1),
            verified,
            new RunEventRow(
                id, 4, RunEventType.UNDO_REGISTERED, at, "cleanup", "drop-it", "sql", 0, "r", null),
            step(id, 5, "step.started", "restore-shop", "restore-data", 1)),
        List.of());

    assertThat(judging.reconcile()).isEqualTo(1);

    List<RunEventRow> recorded = events.forRun(id);
    assertThat(recorded)
        .extracting(event -> event.type().wireName())
        .endsWith("step.interrupted", "run.interrupted", "run.verdict");
    String verdict = recorded.get(recorded.size() - 1).message();
    assertThat(verdict)
        .startsWith(
            "verdict: fail — the run was interrupted: its workflow was lost before it ended")
        .contains(
            "RTO not measured (objective 15m): step restore-shop, which restores service, did not"
                + " succeed (interrupted)")
        .contains("cleanup incomplete: the undos did not all run (restore-shop)")
        .doesNotContain("RPO");
    String onTheRun =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "select verdict || ' ' || extract(epoch from rpo_observed)"
                            + " from runs where id = :id")
                    .bind("id", id)
                    .mapTo(String.class)
                    .one());
    assertThat(onTheRun)
        .as("the verdict is on the run, with the RPO the verified backup showed")
        .isEqualTo("fail 7200.500000");
  }

  @Test
  void leavesFinishedRunsAlone() {
    String id = "66666666-6666-6666-6666-666666666666";
    runs.insert(TestRuns.row(id, RunStatus.SUCCEEDED));

    assertThat(reconciler.reconcile()).isZero();
    assertThat(runs.find(id).orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
  }

  /** An event of a step of the stage "restore". */
  private static RunEventRow step(
      String runId, long seq, String type, String stepId, String kind, int attempt) {
    return new RunEventRow(
        runId,
        seq,
        RunEventType.fromWireName(type).orElseThrow(),
        Instant.now(),
        "restore",
        stepId,
        kind,
        attempt,
        type,
        null);
  }
}
