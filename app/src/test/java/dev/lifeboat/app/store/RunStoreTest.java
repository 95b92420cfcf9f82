package dev.lifeboat.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.app.TestRecord;
import dev.lifeboat.app.TestRuns;
import dev.lifeboat.workflow.RunEventType;
import dev.lifeboat.workflow.RunStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RunStoreTest {
  @RegisterExtension static final TestPostgres pg = new TestPostgres();

  private Jdbi jdbi;
  private RunDao runs;
  private RunEventDao events;
  private RunStore store;

  @BeforeEach
  void freshDatabase() {
    TestRecord record = TestRecord.create(pg, "lifeboat_store");
    assertThat(record.migrationsApplied()).isPositive();
    jdbi = record.jdbi();
    runs = jdbi.onDemand(RunDao.class);
    events = jdbi.onDemand(RunEventDao.class);
    store = new RunStore(jdbi);
  }

  @Test
  void appendsEventsOnceEvenWhenTheSameBatchIsWrittenTwice() {
    runs.insert(run("11111111-1111-1111-1111-111111111111"));
    List<RunEventRow> batch =
        List.of(
            event("11111111-1111-1111-1111-111111111111", 1, "run.started"),
            event("11111111-1111-1111-1111-111111111111", 2, "step.started"));

    assertThat(store.append(batch, List.of())).isEqualTo(2);
    assertThat(store.append(batch, List.of())).as("a retried write must append nothing").isZero();
    assertThat(events.forRun("11111111-1111-1111-1111-111111111111"))
        .extracting(RunEventRow::type)
        .containsExactly(RunEventType.RUN_STARTED, RunEventType.STEP_STARTED);
  }

  @Test
  void aWriteThatFailsPartWayLandsNoneOfItsEvents() {
    String id = "55555555-5555-5555-5555-555555555555";
    runs.insert(run(id));
    List<RunEventRow> batch =
        List.of(event(id, 1, "step.succeeded"), event("no-such-run", 1, "step.started"));

    assertThatThrownBy(
        () -> store.append(batch, List.of()), "the second event names no recorded run");
    assertThat(events.forRun(id))
        .as("a write is all or nothing, even without a status move")
        .isEmpty();
  }

  @Test
  void keepsAFinalStatusWhenALateWriterTriesToMoveIt() {
    String id = "22222222-2222-2222-2222-222222222222";
    runs.insert(run(id));
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    store.append(List.of(), List.of(new RunStore.StatusMove(id, RunStatus.FAILED, null, now)));
    store.append(List.of(), List.of(new RunStore.StatusMove(id, RunStatus.SUCCEEDED, null, now)));

    assertThat(runs.find(id).orElseThrow().status()).isEqualTo(RunStatus.FAILED);
  }

  @Test
  void refusesToChangeOrDeleteRecordedEvents() {
    String id = "33333333-3333-3333-3333-333333333333";
    runs.insert(run(id));
    store.append(List.of(event(id, 1, "run.started")), List.of());

    assertThatThrownBy(
            () -> jdbi.useHandle(h -> h.execute("update run_events set message = 'edited'")))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("delete from run_events")))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("delete from runs")))
        .hasMessageContaining("append-only");
    assertThatThrownBy(
            () -> jdbi.useHandle(h -> h.execute("update runs set launcher = 'someone-else'")))
        .hasMessageContaining("never rewritten");
  }

  @Test
  void listsRunsNewestFirst() {
    Instant base = Instant.parse("2026-01-01T00:00:00Z");
    for (int i = 0; i < 3; i++) {
      String id = "4444444" + i + "-4444-4444-4444-444444444444";
      RunRow row = run(id);
      runs.insert(
          new RunRow(
              row.id(),
              row.planName(),
              row.planText(),
              row.planSha256(),
              row.planJson(),
              row.mode(),
              row.params(),
              row.launcher(),
              row.status(),
              "wf-" + i,
              base.plusSeconds(i),
              null,
              null));
    }
    assertThat(runs.newestFirst(2, 0))
        .extracting(RunRow::workflowId)
        .containsExactly("wf-2", "wf-1");
    assertThat(runs.newestFirst(2, 2)).extracting(RunRow::workflowId).containsExactly("wf-0");
    assertThat(runs.count()).isEqualTo(3);
  }

  static RunRow run(String id) {
    return TestRuns.row(id, RunStatus.PENDING);
  }

  static RunEventRow event(String runId, long seq, String type) {
    return new RunEventRow(
        runId,
        seq,
        RunEventType.fromWireName(type).orElseThrow(),
        Instant.now(),
        null,
        null,
        null,
        0,
        type,
        "{\"n\": " + seq + "}");
  }
}
