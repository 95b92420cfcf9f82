package dev.lifeboat.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifeboat.app.TestPostgres;
import dev.lifeboat.app.TestRuns;
import dev.lifeboat.workflow.RunStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The record's schema takes every status a run can end with, and keeps each one final: a status the
 * schema refused would fail the run's last write, and one it did not hold final could be rewritten.
 */
class RunStatusMigrationTest {
  private Jdbi jdbi;
  private RunDao runs;
  private RunStore store;

  @BeforeEach
  void freshDatabase() {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(TestPostgres.url(TestPostgres.createDatabase("lifeboat_statuses")));
    dataSource.setUser(TestPostgres.USER);
    Migrations.migrate(dataSource);
    jdbi =
        Jdbi.create(dataSource)
            .installPlugin(new SqlObjectPlugin())
            .installPlugin(new StateColumns());
    runs = jdbi.onDemand(RunDao.class);
    store = new RunStore(jdbi);
  }

  @ParameterizedTest
  @EnumSource(RunStatus.class)
  void recordsEveryStatusAndKeepsTheFinalOnesFinal(RunStatus status) {
    String id = UUID.randomUUID().toString();
    runs.insert(TestRuns.row(id, RunStatus.RUNNING));

    store.append(List.of(), List.of(new RunStore.StatusMove(id, status, null, Instant.now())));

    assertThat(runs.find(id).orElseThrow().status()).isEqualTo(status);
    if (status.isTerminal()) {
      assertThatThrownBy(
              () ->
                  jdbi.useHandle(
                      h ->
                          h.createUpdate("update runs set status = 'running' where id = :id")
                              .bind("id", id)
                              .execute()))
          .as("%s is final", status)
          .hasMessageContaining("already ended as " + status.apiName());
    }
  }
}
