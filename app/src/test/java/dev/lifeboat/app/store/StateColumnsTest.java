package dev.lifeboat.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.app.TestRecord;
import dev.lifeboat.app.TestRuns;
import dev.lifeboat.workflow.RunEventType;
import dev.lifeboat.workflow.RunMode;
import dev.lifeboat.workflow.RunStatus;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The run-state enums go into the record by the names it has always held, and come back. */
class StateColumnsTest {
  @RegisterExtension static final TestPostgres pg = new TestPostgres();

  static Jdbi jdbi;
  static RunDao runs;
  static RunEventDao events;

  @BeforeAll
  static void database() {
    jdbi = TestRecord.create(pg, "lifeboat_columns").jdbi();
    runs = jdbi.onDemand(RunDao.class);
    events = jdbi.onDemand(RunEventDao.class);
  }

  @ParameterizedTest
  @EnumSource(RunMode.class)
  void storesEachModeByItsApiName(RunMode mode) {
    String id = UUID.randomUUID().toString();
    RunRow row = TestRuns.row(id, RunStatus.PENDING);
    runs.insert(
        new RunRow(
            id,
            row.planName(),
            row.planText(),
            row.planSha256(),
            row.planJson(),
            mode,
            row.params(),
            row.launcher(),
            row.status(),
            row.workflowId(),
            row.createdAt(),
            null,
            null));

    assertThat(text("select mode from runs where id = '" + id + "'")).isEqualTo(mode.apiName());
    assertThat(text("select status from runs where id = '" + id + "'")).isEqualTo("pending");
    assertThat(runs.find(id).orElseThrow().mode()).isEqualTo(mode);
  }

  @Test
  void storesEachEventTypeByItsWireName() {
    String id = UUID.randomUUID().toString();
    runs.insert(TestRuns.row(id, RunStatus.RUNNING));
    List<RunEventRow> all =
        Arrays.stream(RunEventType.values())
            .map(
                type ->
                    new RunEventRow(
                        id,
                        type.ordinal() + 1,
                        type,
                        Instant.now(),
                        null,
                        null,
                        null,
                        0,
                        type.wireName(),
                        null))
            .toList();
    new RunStore(jdbi).append(all, List.of());

    assertThat(events.forRun(id))
        .extracting(RunEventRow::type)
        .containsExactly(RunEventType.values());
    assertThat(text("select type from run_events where run_id = '" + id + "' and seq = 1"))
        .isEqualTo("run.started");
  }

  @Test
  void aValueThisVersionDoesNotKnowIsNamedWithTheKnownOnes() {
    assertThatThrownBy(
            () ->
                jdbi.withHandle(
                    handle ->
                        handle.createQuery("select 'party' as mode").mapTo(RunMode.class).one()))
        .hasMessageContaining(
            "the record holds RunMode 'party', which this version of Lifeboat does not know;"
                + " known: [drill, precheck, recovery, tabletop]");
  }

  private static String text(String sql) {
    return jdbi.withHandle(handle -> handle.createQuery(sql).mapTo(String.class).one());
  }
}
