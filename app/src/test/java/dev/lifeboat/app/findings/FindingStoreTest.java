package dev.lifeboat.app.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.app.TestRecord;
import dev.lifeboat.app.TestRuns;
import dev.lifeboat.app.chain.Integrity;
import dev.lifeboat.app.chain.Tampering;
import dev.lifeboat.app.refusal.Refusal;
import dev.lifeboat.app.runs.RecordedVerdicts;
import dev.lifeboat.app.store.RecordIntegrity;
import dev.lifeboat.app.store.RunDao;
import dev.lifeboat.app.store.RunEventRow;
import dev.lifeboat.app.store.RunStore;
import dev.lifeboat.workflow.RunEventType;
import dev.lifeboat.workflow.RunMode;
import dev.lifeboat.workflow.RunStatus;
import io.dropwizard.jackson.Jackson;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Findings in a real record database: made by a run's end exactly once, moved only as their status
 * allows, counted per plan, and their hash chain checked like the rest of the record: each
 * tampering in SQL is found and named.
 */
class FindingStoreTest {
  @RegisterExtension static final TestPostgres pg = new TestPostgres();

  static final String RUN = "88888888-8888-8888-8888-888888888888";
  static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
  static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

  /** A drill plan whose one step fails, with objectives neither of which it can show met. */
  static final String PLAN =
      """
      {"name": "example", "owner": "dba-team", "objectives": {"rto": 300.0, "rpo": 3600.0},
       "stages": [{"name": "one", "steps": [{"id": "restore", "kind": "command", "policy": {}}]}]}
      """;

  private final ObjectMapper json = Jackson.newObjectMapper();
  private Jdbi jdbi;
  private FindingStore findings;

  @BeforeEach
  void record() {
    jdbi = TestRecord.create(pg, "lifeboat_findings").jdbi();
    findings = new FindingStore(jdbi, json, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private void endFailedDrill() {
    jdbi.onDemand(RunDao.class)
        .insert(TestRuns.row(RUN, RunMode.DRILL, RunStatus.RUNNING, PLAN, NOW.minusSeconds(60)));
    RunStore store =
        new RunStore(
            jdbi,
            new RecordedVerdicts(json),
            json,
            new RunFindings(findings, json, Duration.ofDays(14)));
    List<RunEventRow> events =
        List.of(
            event(1, RunEventType.RUN_STARTED, null),
            event(2, RunEventType.STEP_STARTED, "restore"),
            event(3, RunEventType.STEP_FAILED, "restore"),
            event(4, RunEventType.RUN_FAILED, null));
    RunStore.StatusMove end = new RunStore.StatusMove(RUN, RunStatus.FAILED, NOW, NOW);
    store.append(events, List.of(end));
    store.append(events, List.of(end)); // a retried write of the same end
  }

  private static RunEventRow event(int seq, RunEventType type, String step) {
    return new RunEventRow(
        RUN,
        seq,
        type,
        NOW.minusSeconds(10 - seq).truncatedTo(ChronoUnit.MICROS),
        step == null ? null : "one",
        step,
        step == null ? null : "command",
        step == null ? 0 : 1,
        type == RunEventType.STEP_FAILED ? "exit 1: no space left" : "e" + seq,
        null);
  }

  private Finding manual(String title, LocalDate due) {
    return findings.create(
        new NewFinding("example", null, null, null, FindingOrigin.MANUAL, title, "dba-team", due),
        "alice");
  }

  @Test
  void aRunsEndRecordsItsFindingsOnceEvenWhenTheWriteIsRetried() {
    endFailedDrill();

    List<Finding> found = findings.ofRun(RUN);
    assertThat(found)
        .extracting(f -> f.origin() + ":" + (f.step() != null ? f.step() : f.objective()))
        .containsExactlyInAnyOrder(
            "failed_step:restore", "missed_objective:rto", "missed_objective:rpo");
    Finding failed = found.get(0);
    assertThat(failed.title()).isEqualTo("Step restore failed: exit 1: no space left");
    assertThat(failed.owner()).as("the plan's owner").isEqualTo("dba-team");
    assertThat(failed.due()).isEqualTo(TODAY.plusDays(14));
    assertThat(failed.createdBy()).isEqualTo("lifeboat");
    assertThat(new RecordIntegrity(jdbi).all()).allMatch(Integrity::intact);
  }

  @Test
  void statusMovesOnlyAsAllowedAndEachChangeIsAnEvent() {
    Finding f = manual("Runbook names the wrong standby", TODAY.plusDays(3));
    findings.change(
        f.id(), new FindingChange(FindingStatus.IN_PROGRESS, null, "bob", null), "alice");
    assertThatThrownBy(
            () ->
                findings.change(
                    f.id(), new FindingChange(FindingStatus.OPEN, null, null, null), "alice"))
        .isInstanceOf(Refusal.class)
        .hasMessage(
            "finding %d is in_progress; it cannot move to open (it may move to"
                + " accepted_risk, closed)",
            f.id());
    assertThatThrownBy(
            () ->
                findings.change(
                    f.id(), new FindingChange(FindingStatus.ACCEPTED_RISK, " ", null, null), "bob"))
        .hasMessage("accepting a risk needs a note giving the reason");
    Finding accepted =
        findings.change(
            f.id(),
            new FindingChange(FindingStatus.ACCEPTED_RISK, "standby retired in Q1", null, null),
            "bob");

    assertThat(accepted.status()).isEqualTo("accepted_risk");
    assertThat(accepted.owner()).isEqualTo("bob");
    assertThat(findings.history(f.id()))
        .extracting(FindingEvent::type, FindingEvent::actor, FindingEvent::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("created", "alice", "open"),
            org.assertj.core.groups.Tuple.tuple("owner", "alice", "open"),
            org.assertj.core.groups.Tuple.tuple("status", "alice", "in_progress"),
            org.assertj.core.groups.Tuple.tuple("status", "bob", "accepted_risk"));
    assertThatThrownBy(
            () -> findings.change(f.id(), new FindingChange(null, null, null, TODAY), "bob"))
        .hasMessageContaining("its owner and due date are final");
    assertThatThrownBy(
            () -> findings.change(999, new FindingChange(null, null, "bob", null), "bob"))
        .isInstanceOf(Refusal.class)
        .extracting(e -> ((Refusal) e).kind())
        .isEqualTo(Refusal.Kind.NOT_FOUND);
  }

  @Test
  void overdueIsOpenPastItsDueDateAndCountedPerPlan() {
    FindingStore yesterday =
        new FindingStore(jdbi, json, Clock.fixed(NOW.minus(Duration.ofDays(2)), ZoneOffset.UTC));
    Finding late =
        yesterday.create(
            new NewFinding(
                "example",
                null,
                null,
                null,
                FindingOrigin.MANUAL,
                "late",
                "dba-team",
                TODAY.minusDays(1)),
            "alice");
    Finding dueToday = manual("due today", TODAY);
    Finding closedLate =
        yesterday.create(
            new NewFinding(
                "other",
                null,
                null,
                null,
                FindingOrigin.MANUAL,
                "closed",
                "dba-team",
                TODAY.minusDays(1)),
            "alice");
    findings.change(
        closedLate.id(), new FindingChange(FindingStatus.CLOSED, "done", null, null), "alice");

    assertThat(findings.list(null, null, null, true))
        .extracting(Finding::id)
        .containsExactly(late.id());
    assertThat(findings.find(dueToday.id()).orElseThrow().overdue()).isFalse();
    assertThat(findings.list("example", null, FindingStatus.OPEN, false)).hasSize(2);
    assertThat(findings.openAndOverdueByPlan())
        .containsExactly(
            new FindingDao.PlanCounts("example", 2, 1), new FindingDao.PlanCounts("other", 0, 0));
  }

  @Nested
  class Tampering_ {
    private Finding first;

    @BeforeEach
    void threeEvents() {
      first = manual("first", TODAY);
      findings.change(
          first.id(), new FindingChange(FindingStatus.IN_PROGRESS, null, null, null), "alice");
      manual("second", TODAY);
    }

    private void tamper(String sql) {
      jdbi.useHandle(
          handle -> {
            handle.execute("set session_replication_role = replica");
            handle.execute(sql);
          });
    }

    private Integrity.Break broken() {
      Integrity chain =
          new RecordIntegrity(jdbi)
              .all().stream()
                  .filter(c -> c.chain().equals("finding events"))
                  .findFirst()
                  .orElseThrow();
      assertThat(chain.intact())
          .as("tampering must break the chain: %s", chain.describe())
          .isFalse();
      return chain.broken();
    }

    @Test
    void anUntouchedChainIsIntact() {
      assertThat(new RecordIntegrity(jdbi).all())
          .filteredOn(c -> c.chain().equals("finding events"))
          .singleElement()
          .satisfies(c -> assertThat(c.intact()).isTrue())
          .satisfies(c -> assertThat(c.records()).isEqualTo(3));
    }

    @Test
    void namesAnEditedStatus() {
      tamper(
          "update finding_events set detail = jsonb_set(detail, '{status}', '\"closed\"')"
              + " where seq = 2");
      assertThat(broken())
          .extracting(Integrity.Break::seq, Integrity.Break::kind)
          .containsExactly(2L, Tampering.EDITED);
    }

    @Test
    void namesAnEditedFindingTitleAtItsCreatedEvent() {
      tamper("update findings set title = 'nothing to see' where id = " + first.id());
      assertThat(broken())
          .extracting(Integrity.Break::seq, Integrity.Break::kind)
          .containsExactly(1L, Tampering.EDITED);
    }

    @Test
    void namesADeletedEvent() {
      tamper("delete from finding_events where seq = 2");
      assertThat(broken())
          .extracting(Integrity.Break::seq, Integrity.Break::kind)
          .containsExactly(3L, Tampering.DELETED);
    }

    @Test
    void namesADeletedFinding() {
      tamper("delete from findings where id = " + first.id());
      assertThat(broken())
          .extracting(Integrity.Break::seq, Integrity.Break::kind)
          .containsExactly(1L, Tampering.EDITED);
    }
  }
}
