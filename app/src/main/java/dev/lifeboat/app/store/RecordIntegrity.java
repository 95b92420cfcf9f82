package dev.lifeboat.app.store;

import dev.lifeboat.app.chain.ChainContent;
import dev.lifeboat.app.chain.ChainHash;
import dev.lifeboat.app.chain.ChainLink;
import dev.lifeboat.app.chain.ChainVerifier;
import dev.lifeboat.app.chain.Integrity;
import dev.lifeboat.app.chain.Tampering;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Checks the record's hash chains from what is stored, recomputing every hash: a run's events, the
 * audit events, the run actions, the schedule events and the findings' events. Reads only; works on
 * any copy of the record database.
 */
public final class RecordIntegrity {
  private static final int FETCH_SIZE = 5_000;

  private final Jdbi jdbi;

  public RecordIntegrity(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** The chain of run {@code runId}'s events; empty when there is no such run. */
  public Optional<Integrity> run(String runId) {
    return jdbi.withHandle(handle -> run(handle, runId));
  }

  /**
   * Every run's chain (oldest first), then the schedule events', the audit events', the run
   * actions' and the findings'.
   */
  public List<Integrity> all() {
    return jdbi.inTransaction(
        handle -> {
          List<Integrity> chains = new ArrayList<>(allRuns(handle));
          chains.add(scheduleEvents(handle));
          chains.add(auditEvents(handle));
          chains.add(runActions(handle));
          chains.add(FindingEventsChain.verify(handle));
          return chains;
        });
  }

  /**
   * Every run's chain, oldest run first, from one pass over {@code run_events} in key order (the
   * primary key's index), fetched in batches so a record of millions of events is checked in
   * bounded memory, one run's events at a time. In a transaction: PostgreSQL's driver only fetches
   * in batches inside one.
   */
  private static List<Integrity> allRuns(Handle handle) {
    Map<String, String> identities = new LinkedHashMap<>();
    handle
        .createQuery(
            "select " + RunEventChain.IDENTITY_COLUMNS + " from runs r order by r.created_at, r.id")
        .map((rs, ctx) -> Map.entry(rs.getString("id"), RunEventChain.identity(rs)))
        .forEach(entry -> identities.put(entry.getKey(), entry.getValue()));
    Map<String, Integrity> checked = new HashMap<>();
    RunGroups groups =
        new RunGroups(
            (runId, links) ->
                checked.put(
                    runId,
                    identities.containsKey(runId)
                        ? ChainVerifier.verify(
                            "run " + runId, ChainHash.runOrigin(identities.get(runId)), true, links)
                        : withoutItsRun(runId, links)));
    handle
        .createQuery(
            """
            select run_id, seq, type, at, stage, step_id, kind, attempt, message,
                   detail::text as detail, previous_sha256, sha256
              from run_events order by run_id, seq
            """)
        .setFetchSize(FETCH_SIZE)
        .map((rs, ctx) -> Map.entry(rs.getString("run_id"), runEventLink(rs)))
        .forEach(row -> groups.add(row.getKey(), row.getValue()));
    groups.finish();
    List<Integrity> chains = new ArrayList<>();
    checked.keySet().stream()
        .filter(runId -> !identities.containsKey(runId))
        .sorted()
        .forEach(runId -> chains.add(checked.get(runId)));
    for (String runId : identities.keySet()) {
      chains.add(
          checked.computeIfAbsent(
              runId,
              id ->
                  ChainVerifier.verify(
                      "run " + id, ChainHash.runOrigin(identities.get(id)), true, List.of())));
    }
    return chains;
  }

  /** Events whose run row is gone: the run's identity was deleted behind Lifeboat's back. */
  private static Integrity withoutItsRun(String runId, List<ChainLink> links) {
    return new Integrity(
        "run " + runId,
        false,
        links.size(),
        0,
        null,
        new Integrity.Break(
            links.get(0).seq(),
            Tampering.DELETED,
            "the run's own row (its identity, which the chain starts from) is missing"));
  }

  /** Collects consecutive rows of one run and hands each run's links on when the run changes. */
  private static final class RunGroups {
    private final BiConsumer<String, List<ChainLink>> onRun;
    private String runId;
    private List<ChainLink> links = new ArrayList<>();

    RunGroups(BiConsumer<String, List<ChainLink>> onRun) {
      this.onRun = onRun;
    }

    void add(String run, ChainLink link) {
      if (!run.equals(runId)) {
        finish();
        runId = run;
      }
      links.add(link);
    }

    void finish() {
      if (runId != null) {
        onRun.accept(runId, links);
        links = new ArrayList<>();
        runId = null;
      }
    }
  }

  private static Optional<Integrity> run(Handle handle, String runId) {
    Optional<String> identity =
        handle
            .createQuery(
                "select " + RunEventChain.IDENTITY_COLUMNS + " from runs r where r.id = :runId")
            .bind("runId", runId)
            .map((rs, ctx) -> RunEventChain.identity(rs))
            .findOne();
    if (identity.isEmpty()) {
      return Optional.empty();
    }
    List<ChainLink> links =
        handle
            .createQuery(
                """
                select run_id, seq, type, at, stage, step_id, kind, attempt, message,
                       detail::text as detail, previous_sha256, sha256
                  from run_events where run_id = :runId order by seq
                """)
            .bind("runId", runId)
            .map((rs, ctx) -> runEventLink(rs))
            .list();
    return Optional.of(
        ChainVerifier.verify("run " + runId, ChainHash.runOrigin(identity.get()), true, links));
  }

  private static ChainLink runEventLink(ResultSet rs) throws SQLException {
    return new ChainLink(
        rs.getLong("seq"),
        rs.getString("previous_sha256"),
        rs.getString("sha256"),
        ChainContent.runEvent(
            rs.getString("run_id"),
            rs.getString("type"),
            rs.getTimestamp("at").toInstant(),
            rs.getString("stage"),
            rs.getString("step_id"),
            rs.getString("kind"),
            rs.getInt("attempt"),
            rs.getString("message"),
            rs.getString("detail")));
  }

  private static Integrity auditEvents(Handle handle) {
    List<ChainLink> links =
        handle
            .createQuery(
                """
                select seq, at, actor, action, subject, detail::text as detail,
                       previous_sha256, sha256
                  from audit_events order by seq
                """)
            .map(
                (rs, ctx) ->
                    new ChainLink(
                        rs.getLong("seq"),
                        rs.getString("previous_sha256"),
                        rs.getString("sha256"),
                        ChainContent.auditEvent(
                            rs.getTimestamp("at").toInstant(),
                            rs.getString("actor"),
                            rs.getString("action"),
                            rs.getString("subject"),
                            rs.getString("detail"))))
            .list();
    return ChainVerifier.verify("audit events", ChainHash.ORIGIN, false, links);
  }

  private static Integrity runActions(Handle handle) {
    List<ChainLink> links =
        handle
            .createQuery(
                """
                select seq, run_id, action, actor, at, detail::text as detail,
                       previous_sha256, sha256
                  from run_actions order by seq
                """)
            .map(
                (rs, ctx) ->
                    new ChainLink(
                        rs.getLong("seq"),
                        rs.getString("previous_sha256"),
                        rs.getString("sha256"),
                        ChainContent.runAction(
                            rs.getString("run_id"),
                            rs.getString("action"),
                            rs.getString("actor"),
                            rs.getTimestamp("at").toInstant(),
                            rs.getString("detail"))))
            .list();
    return ChainVerifier.verify("run actions", ChainHash.ORIGIN, false, links);
  }

  private static Integrity scheduleEvents(Handle handle) {
    List<ChainLink> links =
        handle
            .createQuery(
                """
                select seq, schedule_id, type, at, actor, fire_at, run_id, message,
                       previous_sha256, sha256
                  from schedule_events order by seq
                """)
            .map(
                (rs, ctx) ->
                    new ChainLink(
                        rs.getLong("seq"),
                        rs.getString("previous_sha256"),
                        rs.getString("sha256"),
                        ChainContent.scheduleEvent(
                            rs.getString("schedule_id"),
                            rs.getString("type"),
                            rs.getTimestamp("at").toInstant(),
                            rs.getString("actor"),
                            rs.getTimestamp("fire_at") == null
                                ? null
                                : rs.getTimestamp("fire_at").toInstant(),
                            rs.getString("run_id"),
                            rs.getString("message"))))
            .list();
    return ChainVerifier.verify("schedule events", ChainHash.ORIGIN, false, links);
  }
}
