package dev.lifeboat.app.store;

import dev.lifeboat.app.chain.ChainContent;
import dev.lifeboat.app.chain.ChainHash;
import dev.lifeboat.app.chain.ChainLink;
import dev.lifeboat.app.chain.ChainVerifier;
import dev.lifeboat.app.chain.Integrity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Checks the record's hash chains from what is stored, recomputing every hash: a run's events, the
 * audit events, the run actions, the schedule events and the findings' events. Reads only; works on
 * any copy of the record database.
 */
public final class RecordIntegrity {
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
    return jdbi.withHandle(
        handle -> {
          List<Integrity> chains = new ArrayList<>();
          for (String id :
              handle
                  .createQuery("select id from runs order by created_at, id")
                  .mapTo(String.class)
                  .list()) {
            run(handle, id).ifPresent(chains::add);
          }
          chains.add(scheduleEvents(handle));
          chains.add(auditEvents(handle));
          chains.add(runActions(handle));
          chains.add(FindingEventsChain.verify(handle));
          return chains;
        });
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
            .map(
                (rs, ctx) ->
                    new ChainLink(
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
                            rs.getString("detail"))))
            .list();
    return Optional.of(
        ChainVerifier.verify("run " + runId, ChainHash.runOrigin(identity.get()), true, links));
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
