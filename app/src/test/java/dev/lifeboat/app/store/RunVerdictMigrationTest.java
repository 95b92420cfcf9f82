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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * V4: a verdict is set only by the statement that ends a run, and is then as final as the status.
 */
class RunVerdictMigrationTest {
  @RegisterExtension static final TestPostgres pg = new TestPostgres();

  private Jdbi jdbi;
  private RunDao runs;
  private RunVerdictDao verdicts;
  private String id;

  @BeforeEach
  void aRunningRun() {
    jdbi = TestRecord.create(pg, "lifeboat_verdicts").jdbi();
    runs = jdbi.onDemand(RunDao.class);
    verdicts = jdbi.onDemand(RunVerdictDao.class);
    id = UUID.randomUUID().toString();
    runs.insert(TestRuns.row(id, RunStatus.RUNNING));
  }

  private int end(String verdict, Long rtoMillis) {
    return verdicts.end(
        id,
        RunStatus.SUCCEEDED,
        null,
        Instant.now(),
        verdict,
        "[]",
        rtoMillis,
        null,
        "restore",
        null);
  }

  private int execute(String sql) {
    return jdbi.withHandle(h -> h.createUpdate(sql).bind("id", id).execute());
  }

  @Test
  void endsTheRunWithItsVerdictAndItsMeasures() {
    assertThat(end("pass", 4_120L)).isOne();

    RunVerdictRow row = verdicts.of(List.of(id)).get(0);
    assertThat(row.verdict()).isEqualTo("pass");
    assertThat(row.rtoMillis()).isEqualTo(4_120L);
    assertThat(row.rpoMillis()).as("not measured").isNull();
    assertThat(row.rtoStep()).isEqualTo("restore");
    assertThat(runs.find(id).orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
  }

  @Test
  void aRunThatEndedKeepsItsVerdict() {
    end("pass", 1L);

    assertThat(end("fail", 2L)).as("a second end changes nothing").isZero();
    assertThatThrownBy(() -> execute("update runs set verdict = 'fail' where id = :id"))
        .hasMessageContaining("already ended as succeeded");
    assertThat(verdicts.of(List.of(id)).get(0).verdict()).isEqualTo("pass");
  }

  @Test
  void aRunningRunHasNoVerdictAndAVerdictHasItsReasons() {
    assertThatThrownBy(
            () ->
                execute("update runs set verdict = 'pass', verdict_reasons = '[]' where id = :id"))
        .hasMessageContaining("runs_verdict_at_the_end");
    assertThatThrownBy(
            () -> execute("update runs set status = 'failed', verdict = 'fail' where id = :id"))
        .hasMessageContaining("runs_verdict_whole");
    assertThatThrownBy(
            () ->
                execute(
                    "update runs set status = 'failed', verdict = 'maybe', verdict_reasons = '[]'"
                        + " where id = :id"))
        .hasMessageContaining("runs_verdict_check");
  }
}
