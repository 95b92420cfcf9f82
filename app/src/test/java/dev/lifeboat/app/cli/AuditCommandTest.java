package dev.lifeboat.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.app.TestRuns;
import dev.lifeboat.app.auth.AuditDao;
import dev.lifeboat.app.store.Migrations;
import dev.lifeboat.app.store.RunDao;
import dev.lifeboat.app.store.RunEventRow;
import dev.lifeboat.app.store.RunStore;
import dev.lifeboat.app.store.StateColumns;
import dev.lifeboat.workflow.RunEventType;
import dev.lifeboat.workflow.RunStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * {@code lifeboat audit verify} through the application's own main, in a JVM of its own, against a
 * record in a real PostgreSQL with no Lifeboat server running: intact, then broken after an edit in
 * SQL, with exit code 1.
 */
class AuditCommandTest {
  @RegisterExtension static final TestPostgres pg = new TestPostgres();

  static final String RUN = "88888888-8888-8888-8888-888888888888";

  @TempDir Path dir;
  private String database;

  @BeforeEach
  void recordARunAndAnAuditEvent() {
    database = pg.createDatabase("lifeboat_audit_cli");
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(pg.url(database));
    dataSource.setUser(TestPostgres.server().user());
    dataSource.setPassword(TestPostgres.server().password());
    Migrations.migrate(dataSource);
    Jdbi jdbi =
        Jdbi.create(dataSource)
            .installPlugin(new SqlObjectPlugin())
            .installPlugin(new StateColumns());
    jdbi.onDemand(RunDao.class).insert(TestRuns.row(RUN, RunStatus.RUNNING));
    Instant at = Instant.parse("2026-12-02T01:00:00Z");
    new RunStore(jdbi)
        .append(
            List.of(
                new RunEventRow(
                    RUN, 1, RunEventType.RUN_STARTED, at, null, null, null, 0, "go", null),
                new RunEventRow(
                    RUN, 2, RunEventType.RUN_SUCCEEDED, at, null, null, null, 0, "done", null)),
            List.of());
    jdbi.onDemand(AuditDao.class)
        .append(new AuditDao.AuditEvent(0, at, "admin", "token.created", "token:t1", null));
  }

  @Test
  void printsEveryChainIntactAndExitsZero() throws Exception {
    OfflineCli.Ended verified = verify();

    assertThat(verified.exit()).as(verified.output()).isZero();
    assertThat(verified.output())
        .contains("run " + RUN + ": intact, 2 records, head ")
        .contains("audit events: intact, 1 records")
        .contains("run actions: intact, 0 records");
  }

  @Test
  void namesTheBrokenLinkAndExitsOne() throws Exception {
    pg.execute(
        database, "set session_replication_role = replica", "delete from run_events where seq = 1");

    OfflineCli.Ended verified = verify("--run", RUN);

    assertThat(verified.exit()).as(verified.output()).isEqualTo(AuditCommand.BROKEN);
    assertThat(verified.output())
        .contains("run " + RUN + ": BROKEN at seq 2 (deleted): record 1 is missing");
  }

  @Test
  void refusesAnUnknownRun() throws Exception {
    OfflineCli.Ended verified = verify("--run", "00000000-0000-0000-0000-000000000000");

    assertThat(verified.exit()).isNotZero();
    assertThat(verified.output())
        .contains("the record has no run 00000000-0000-0000-0000-000000000000");
  }

  private OfflineCli.Ended verify(String... more) throws Exception {
    List<String> arguments = new java.util.ArrayList<>(List.of("audit", "verify"));
    arguments.addAll(List.of(more));
    return OfflineCli.run(dir, pg.url(database), arguments);
  }
}
