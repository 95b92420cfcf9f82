package dev.lifeboat.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.app.TestRecord;
import dev.lifeboat.app.TestRuns;
import dev.lifeboat.app.auth.AuditDao;
import dev.lifeboat.app.chain.Integrity;
import dev.lifeboat.app.chain.Tampering;
import dev.lifeboat.workflow.RunEventType;
import dev.lifeboat.workflow.RunStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The record's hash chains, written through the real stores into PostgreSQL, then tampered with in
 * SQL the way someone with database access would (the append-only triggers switched off for the
 * session): each tampering is found and named at the right record.
 */
class RecordIntegrityTest {
  @RegisterExtension static final TestPostgres pg = new TestPostgres();

  static final String RUN = "77777777-7777-7777-7777-777777777777";

  private Jdbi jdbi;
  private RecordIntegrity integrity;

  @BeforeEach
  void recordARun() {
    jdbi = TestRecord.create(pg, "lifeboat_integrity").jdbi();
    integrity = new RecordIntegrity(jdbi);
    jdbi.onDemand(RunDao.class).insert(TestRuns.row(RUN, RunStatus.RUNNING));
    RunStore store = new RunStore(jdbi);
    // Two writes, as a workflow makes them (one per stage), plus a retried first write.
    store.append(events(1, 3), List.of());
    store.append(events(1, 3), List.of());
    store.append(events(4, 6), List.of());
  }

  /** Events {@code from}..{@code to}; details with numbers spelled as Java writes them. */
  private static List<RunEventRow> events(int from, int to) {
    List<RunEventRow> rows = new ArrayList<>();
    for (int seq = from; seq <= to; seq++) {
      rows.add(
          new RunEventRow(
              RUN,
              seq,
              seq == 1 ? RunEventType.RUN_STARTED : RunEventType.STEP_SUCCEEDED,
              Instant.parse("2026-12-02T03:04:05.123456789Z").plusSeconds(seq),
              seq == 1 ? null : "restore",
              seq == 1 ? null : "step-" + seq,
              seq == 1 ? null : "restore-data",
              seq == 1 ? 0 : 1,
              "event " + seq + " — \"quoted\", ünïcode\n",
              seq == 1
                  ? null
                  : "{\"rows\": " + (seq * 1000) + ", \"ratio\": 1.50, \"big\": 1.0E10}"));
    }
    return rows;
  }

  private void tamper(String sql) {
    jdbi.useHandle(
        handle -> {
          handle.execute("set session_replication_role = replica"); // triggers off: a superuser
          handle.execute(sql);
        });
  }

  private Integrity.Break brokenRun() {
    Integrity run = integrity.run(RUN).orElseThrow();
    assertThat(run.intact()).as("tampering must break the chain: %s", run.describe()).isFalse();
    return run.broken();
  }

  @Test
  void anUntouchedRecordIsIntactWithItsHead() {
    Integrity run = integrity.run(RUN).orElseThrow();

    assertThat(run.intact()).as(run.describe()).isTrue();
    assertThat(run.records()).isEqualTo(6);
    assertThat(run.unchained()).isZero();
    assertThat(run.head())
        .isEqualTo(
            jdbi.withHandle(
                h ->
                    h.createQuery("select sha256 from run_events where run_id = :r and seq = 6")
                        .bind("r", RUN)
                        .mapTo(String.class)
                        .one()));
    assertThat(integrity.all()).allMatch(Integrity::intact);
  }

  @Test
  void theWholeRecordCheckFindsWhatTheOneRunCheckFinds() {
    String quiet = "88888888-8888-8888-8888-888888888888";
    jdbi.onDemand(RunDao.class).insert(TestRuns.row(quiet, RunStatus.PENDING));
    tamper("delete from run_events where run_id = '" + RUN + "' and seq = 3");

    List<Integrity> all = integrity.all();
    assertThat(all)
        .as("the streamed pass over every run's events agrees with the check of one run")
        .contains(integrity.run(RUN).orElseThrow());
    assertThat(all)
        .filteredOn(chain -> chain.chain().equals("run " + quiet))
        .singleElement()
        .satisfies(chain -> assertThat(chain.intact()).isTrue())
        .satisfies(chain -> assertThat(chain.records()).isZero());
  }

  @Test
  void namesEventsWhoseRunRowWasDeleted() {
    tamper("delete from runs where id = '" + RUN + "'");

    assertThat(integrity.all())
        .filteredOn(chain -> chain.chain().equals("run " + RUN))
        .singleElement()
        .satisfies(chain -> assertThat(chain.intact()).as(chain.describe()).isFalse())
        .satisfies(chain -> assertThat(chain.broken().kind()).isEqualTo(Tampering.DELETED));
  }

  @Test
  void anUnknownRunHasNoChain() {
    assertThat(integrity.run("00000000-0000-0000-0000-000000000000")).isEmpty();
  }

  @Test
  void namesAnEditedMessage() {
    tamper("update run_events set message = 'all fine' where run_id = '" + RUN + "' and seq = 4");

    Integrity.Break broken = brokenRun();
    assertThat(broken.seq()).isEqualTo(4);
    assertThat(broken.kind()).isEqualTo(Tampering.EDITED);
    assertThat(broken.message()).startsWith("record 4 was changed");
  }

  @Test
  void namesAnEditedDetailNumber() {
    tamper(
        "update run_events set detail = jsonb_set(detail, '{rows}', '999') where run_id = '"
            + RUN
            + "' and seq = 2");

    assertThat(brokenRun())
        .extracting(Integrity.Break::seq, Integrity.Break::kind)
        .containsExactly(2L, Tampering.EDITED);
  }

  @Test
  void namesAnEditedTimeOrRunIdentity() {
    tamper(
        "update run_events set at = at + interval '1 hour' where run_id = '"
            + RUN
            + "' and seq = 5");
    assertThat(brokenRun().seq()).isEqualTo(5);
  }

  @Test
  void namesARewrittenLauncherAtTheFirstEvent() {
    tamper("update runs set launcher = 'mallory' where id = '" + RUN + "'");

    Integrity.Break broken = brokenRun();
    assertThat(broken.seq()).as("the first event links to the run's identity").isEqualTo(1);
  }

  @Test
  void namesADeletedEvent() {
    tamper("delete from run_events where run_id = '" + RUN + "' and seq = 3");

    Integrity.Break broken = brokenRun();
    assertThat(broken.kind()).isEqualTo(Tampering.DELETED);
    assertThat(broken.seq()).isEqualTo(4);
    assertThat(broken.message()).startsWith("record 3 is missing");
  }

  @Test
  void namesADeletedFirstEvent() {
    tamper("delete from run_events where run_id = '" + RUN + "' and seq = 1");

    assertThat(brokenRun().message()).startsWith("record 1 is missing");
  }

  @Test
  void namesADeletionHiddenByRenumbering() {
    tamper("delete from run_events where run_id = '" + RUN + "' and seq = 3");
    tamper("update run_events set seq = seq - 1 where run_id = '" + RUN + "' and seq > 3");

    Integrity.Break broken = brokenRun();
    assertThat(broken.kind()).isEqualTo(Tampering.DELETED);
    assertThat(broken.seq()).isEqualTo(3);
  }

  @Test
  void namesAForgedRowWithoutAValidHashWhereItSits() {
    tamper("update run_events set seq = seq + 100 where run_id = '" + RUN + "' and seq >= 3");
    tamper("update run_events set seq = seq - 99 where run_id = '" + RUN + "' and seq > 100");
    tamper(
        "insert into run_events (run_id, seq, type, at, message, previous_sha256, sha256)"
            + " select run_id, 3, 'step.succeeded', at, 'forged', sha256, repeat('f', 64)"
            + " from run_events where run_id = '"
            + RUN
            + "' and seq = 2");

    Integrity.Break broken = brokenRun();
    assertThat(broken.seq()).isEqualTo(3);
    assertThat(broken.kind()).as("its hash is not of its content").isEqualTo(Tampering.EDITED);
  }

  @Test
  void namesAnInsertedEventWithAConsistentHashAsInserted() {
    // A forger who links the new row to its predecessor and hashes it properly: the row holds,
    // but the next record still names the old predecessor.
    Integrity.Break broken = forgeLinkedEventAfter(2);

    assertThat(broken.kind()).isEqualTo(Tampering.INSERTED);
    assertThat(broken.seq()).isEqualTo(3);
    assertThat(broken.message()).contains("record 4 follows record 2 directly");
  }

  private Integrity.Break forgeLinkedEventAfter(int seq) {
    tamper("update run_events set seq = seq + 100 where run_id = '" + RUN + "' and seq > " + seq);
    tamper("update run_events set seq = seq - 99 where run_id = '" + RUN + "' and seq > 100");
    String previous =
        jdbi.withHandle(
            h ->
                h.createQuery("select sha256 from run_events where run_id = :r and seq = :s")
                    .bind("r", RUN)
                    .bind("s", seq)
                    .mapTo(String.class)
                    .one());
    RunEventRow forged =
        new RunEventRow(
            RUN,
            seq + 1,
            RunEventType.STEP_SUCCEEDED,
            Instant.parse("2026-12-02T03:04:09Z"),
            "restore",
            "forged",
            "restore-data",
            1,
            "forged",
            null);
    String hash = dev.lifeboat.app.chain.ChainHash.next(previous, RunEventChain.content(forged));
    tamper(
        "insert into run_events (run_id, seq, type, at, stage, step_id, kind, attempt, message,"
            + " previous_sha256, sha256) values ('"
            + RUN
            + "', "
            + (seq + 1)
            + ", 'step.succeeded', '2026-12-02T03:04:09Z', 'restore', 'forged', 'restore-data', 1,"
            + " 'forged', '"
            + previous
            + "', '"
            + hash
            + "')");
    return brokenRun();
  }

  @Test
  void namesReorderedEvents() {
    tamper("update run_events set seq = 100 where run_id = '" + RUN + "' and seq = 3");
    tamper("update run_events set seq = 3 where run_id = '" + RUN + "' and seq = 4");
    tamper("update run_events set seq = 4 where run_id = '" + RUN + "' and seq = 100");

    Integrity.Break broken = brokenRun();
    assertThat(broken.kind()).isEqualTo(Tampering.REORDERED);
    assertThat(broken.seq()).isEqualTo(3);
    assertThat(broken.message()).contains("follows record 4, which is stored after it");
  }

  @Test
  void anEditWithItsHashRecomputedStillBreaksTheNextLink() {
    tamper(
        "update run_events set message = 'all fine', sha256 = repeat('a', 64) where run_id = '"
            + RUN
            + "' and seq = 2");

    // The row's own hash no longer matches its content: edited at 2.
    assertThat(brokenRun())
        .extracting(Integrity.Break::seq, Integrity.Break::kind)
        .containsExactly(2L, Tampering.EDITED);
  }

  @Test
  void detailsKeepTheirHashThoughJsonbRespellsNumbers() {
    String stored =
        jdbi.withHandle(
            h ->
                h.createQuery("select detail::text from run_events where run_id = :r and seq = 2")
                    .bind("r", RUN)
                    .mapTo(String.class)
                    .one());

    assertThat(stored).as("jsonb keeps values, not spellings").contains("10000000000");
    assertThat(integrity.run(RUN).orElseThrow().intact()).isTrue();
  }

  @Nested
  class TableChains {
    @Test
    void auditEventsAndRunActionsAreChainedAndTamperingIsFound() {
      AuditDao audit = jdbi.onDemand(AuditDao.class);
      RunActionDao actions = jdbi.onDemand(RunActionDao.class);
      for (int i = 0; i < 3; i++) {
        audit.append(
            new AuditDao.AuditEvent(
                0,
                Instant.now(),
                "admin",
                "token.created",
                "token:t" + i,
                "{\"role\": \"viewer\"}"));
        actions.append(new RunActionRow(0, RUN, "cancel", "carol", Instant.now()));
      }
      assertThat(integrity.all()).allMatch(Integrity::intact);

      tamper("update audit_events set actor = 'mallory' where subject = 'token:t1'");
      tamper("delete from run_actions where seq = (select min(seq) + 1 from run_actions)");

      List<Integrity> chains = integrity.all();
      // The last chain is the findings' (FindingStoreTest checks it).
      Integrity auditChain = chains.get(chains.size() - 3);
      Integrity actionChain = chains.get(chains.size() - 2);
      assertThat(auditChain.chain()).isEqualTo("audit events");
      assertThat(auditChain.broken().kind()).isEqualTo(Tampering.EDITED);
      assertThat(actionChain.chain()).isEqualTo("run actions");
      assertThat(actionChain.broken().kind()).isEqualTo(Tampering.DELETED);
      assertThat(chains.get(0).intact()).as("the run's own chain is untouched").isTrue();
    }
  }
}
