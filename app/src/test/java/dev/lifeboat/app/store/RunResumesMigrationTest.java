package dev.lifeboat.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.app.TestRecord;
import dev.lifeboat.app.TestRuns;
import dev.lifeboat.workflow.RunMode;
import dev.lifeboat.workflow.RunStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * V6 {@code run_resumes} on a fresh record, after every earlier version: a resume is recorded with
 * its link in one transaction, a run is resumed at most once, a link is never rewritten, and a
 * resume that an active run of the plan blocks records nothing.
 */
class RunResumesMigrationTest {
  @RegisterExtension static final TestPostgres pg = new TestPostgres();

  private Jdbi jdbi;
  private RunDao runs;
  private RunResumeDao resumes;
  private RunStore store;

  @BeforeEach
  void freshDatabase() {
    TestRecord record = TestRecord.create(pg, "lifeboat_resumes");
    jdbi = record.jdbi();
    runs = jdbi.onDemand(RunDao.class);
    resumes = jdbi.onDemand(RunResumeDao.class);
    store = new RunStore(jdbi);
  }

  @Test
  void migratesEveryScriptInOrder() {
    List<String> versions =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "select version from flyway_schema_history where success order by"
                            + " installed_rank")
                    .mapTo(String.class)
                    .list());
    assertThat(versions).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11");
  }

  @Test
  void recordsTheResumeWithItsLinkAndOnlyOnce() {
    String failed = recorded(RunMode.DRILL, RunStatus.FAILED);
    RunRow resumed = row(RunMode.DRILL, RunStatus.PENDING);

    assertThat(store.insertResumed(resumed, link(resumed.id(), failed), Set.of(RunMode.RECOVERY)))
        .isEmpty();

    assertThat(runs.find(resumed.id())).isPresent();
    assertThat(resumes.resuming(resumed.id()).orElseThrow().resumedFrom()).isEqualTo(failed);
    assertThat(resumes.resumedBy(failed).orElseThrow().runId()).isEqualTo(resumed.id());

    RunRow second = row(RunMode.DRILL, RunStatus.PENDING);
    assertThatThrownBy(
            () -> store.insertResumed(second, link(second.id(), failed), Set.of(RunMode.RECOVERY)))
        .isInstanceOf(UnableToExecuteStatementException.class)
        .hasMessageContaining("run_resumes_resumed_from_key");
    assertThat(runs.find(second.id())).as("neither the run nor its link").isEmpty();

    assertThatThrownBy(
            () ->
                jdbi.useHandle(
                    h -> h.createUpdate("update run_resumes set plan = 'current'").execute()))
        .as("a link is never rewritten")
        .isInstanceOf(UnableToExecuteStatementException.class);
  }

  @Test
  void recordsNothingWhileARecoveryOfThePlanIsActive() {
    String failed = recorded(RunMode.RECOVERY, RunStatus.FAILED);
    String active = recorded(RunMode.RECOVERY, RunStatus.RUNNING);
    RunRow resumed = row(RunMode.RECOVERY, RunStatus.PENDING);

    assertThat(store.insertResumed(resumed, link(resumed.id(), failed), Set.of(RunMode.RECOVERY)))
        .hasValueSatisfying(blocking -> assertThat(blocking.id()).isEqualTo(active));

    assertThat(runs.find(resumed.id())).isEmpty();
    assertThat(resumes.resumedBy(failed)).isEmpty();
  }

  private String recorded(RunMode mode, RunStatus status) {
    RunRow run = row(mode, status);
    runs.insert(run);
    return run.id();
  }

  private static RunRow row(RunMode mode, RunStatus status) {
    return TestRuns.row(
        UUID.randomUUID().toString(),
        mode,
        status,
        "{\"stages\": []}",
        Instant.now().truncatedTo(ChronoUnit.MILLIS));
  }

  private static RunResumeRow link(String runId, String resumedFrom) {
    return new RunResumeRow(
        runId,
        resumedFrom,
        resumedFrom,
        RunResumeRow.RECORDED_PLAN,
        Instant.now().truncatedTo(ChronoUnit.MILLIS));
  }
}
