package dev.lifeboat.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.app.TestRecord;
import dev.lifeboat.app.TestRuns;
import dev.lifeboat.workflow.RunStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The record's schema takes every status a run can end with, and keeps each one final: a status the
 * schema refused would fail the run's last write, and one it did not hold final could be rewritten.
 */
class RunStatusMigrationTest {
  @RegisterExtension static final TestPostgres pg = new TestPostgres();

  private Jdbi jdbi;
  private RunDao runs;
  private RunStore store;

  @BeforeEach
  void freshDatabase() {
    jdbi = TestRecord.create(pg, "lifeboat_statuses").jdbi();
    runs = jdbi.onDemand(RunDao.class);
    store = new RunStore(jdbi);
  }

  /** Every status but {@code paused}, which is live only: the record keeps a paused run running. */
  @ParameterizedTest
  @EnumSource(value = RunStatus.class, names = "PAUSED", mode = EnumSource.Mode.EXCLUDE)
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
