package dev.lifeboat.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeboat.app.TestPostgres;
import dev.lifeboat.app.TestRuns;
import dev.lifeboat.app.embedded.EmbeddedTemporalServer;
import dev.lifeboat.app.store.Migrations;
import dev.lifeboat.app.store.RunDao;
import dev.lifeboat.app.store.RunEventDao;
import dev.lifeboat.app.store.RunEventRow;
import dev.lifeboat.app.store.RunStore;
import dev.lifeboat.app.temporal.TemporalConnection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** A restart of the embedded Temporal server loses workflows; the record must say so. */
class RunReconcilerTest {
  private EmbeddedTemporalServer temporalServer;
  private TemporalConnection temporal;
  private RunDao runs;
  private RunEventDao events;
  private RunReconciler reconciler;

  @BeforeEach
  void start() {
    temporalServer = EmbeddedTemporalServer.start("127.0.0.1", 0);
    temporal = TemporalConnection.to(temporalServer.target(), "default");
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(TestPostgres.url(TestPostgres.createDatabase("lifeboat_reconcile")));
    dataSource.setUser(TestPostgres.USER);
    Migrations.migrate(dataSource);
    Jdbi jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
    runs = jdbi.onDemand(RunDao.class);
    events = jdbi.onDemand(RunEventDao.class);
    reconciler =
        new RunReconciler(
            runs,
            events,
            new RunStore(jdbi),
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
    runs.insert(TestRuns.row(id, "running"));
    events.append(
        List.of(
            new RunEventRow(
                id, 1, "run.started", Instant.now(), null, null, null, 0, "started", null)));

    assertThat(reconciler.reconcile()).isEqualTo(1);

    assertThat(runs.find(id).orElseThrow().status()).isEqualTo("interrupted");
    assertThat(runs.find(id).orElseThrow().endedAt()).isNotNull();
    List<RunEventRow> recorded = events.forRun(id);
    assertThat(recorded)
        .extracting(RunEventRow::type)
        .containsExactly("run.started", "run.interrupted");
    assertThat(recorded.get(1).seq()).isEqualTo(2);
    assertThat(recorded.get(1).message()).contains("no longer exists in Temporal");
  }

  @Test
  void leavesFinishedRunsAlone() {
    String id = "66666666-6666-6666-6666-666666666666";
    runs.insert(TestRuns.row(id, "succeeded"));

    assertThat(reconciler.reconcile()).isZero();
    assertThat(runs.find(id).orElseThrow().status()).isEqualTo("succeeded");
  }
}
