package dev.lifeboat.app.store;

import dev.lifeboat.app.chain.ChainContent;
import dev.lifeboat.app.chain.ChainHash;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Links a run's new events into its hash chain ({@link ChainHash}): the run's row is locked, so two
 * writers (a workflow and the reconciler) cannot both link to the same last event; events already
 * recorded under their sequence number (a retried write) are left out, as the insert's {@code on
 * conflict do nothing} would.
 */
final class RunEventChain {
  private RunEventChain() {}

  /** A row with the hashes it is written with. */
  record Linked(RunEventRow row, String previous, String hash) {}

  /** The rows of {@code events} (all of run {@code runId}, in order) not yet recorded, linked. */
  static List<Linked> link(Handle handle, String runId, List<RunEventRow> events) {
    Tail tail =
        handle
            .createQuery(
                """
                select %s,
                       (select e.seq from run_events e where e.run_id = r.id
                         order by e.seq desc limit 1) as last_seq,
                       (select e.sha256 from run_events e where e.run_id = r.id
                         order by e.seq desc limit 1) as last_hash
                  from runs r where r.id = :runId
                   for update of r
                """
                    .formatted(IDENTITY_COLUMNS))
            .bind("runId", runId)
            .map(
                (rs, ctx) ->
                    new Tail(
                        rs.getLong("last_seq"),
                        Optional.ofNullable(rs.getString("last_hash")),
                        identity(rs)))
            .findOne()
            .orElseThrow(() -> new IllegalArgumentException("no run " + runId + " to record"));
    // An unchained last event (written before chaining began) starts the chain anew from the
    // run's identity, as the verifier expects after unchained records.
    String previous = tail.lastHash().orElseGet(() -> ChainHash.runOrigin(tail.identity()));
    List<Linked> linked = new ArrayList<>();
    long last = tail.lastSeq();
    for (RunEventRow event : events) {
      if (event.seq() <= last) {
        continue;
      }
      RunEventRow row = atRecordPrecision(event);
      String hash = ChainHash.next(previous, content(row));
      linked.add(new Linked(row, previous, hash));
      previous = hash;
      last = event.seq();
    }
    return linked;
  }

  /** The columns of a run ({@code r}) that its identity hashes, for {@link #identity}. */
  static final String IDENTITY_COLUMNS =
      "r.id, r.plan_name, r.plan_sha256, r.mode, r.params::text as params, r.launcher,"
          + " r.workflow_id, r.created_at";

  /** The canonical identity of the run in the current row (selected with IDENTITY_COLUMNS). */
  static String identity(ResultSet rs) throws SQLException {
    return ChainContent.runIdentity(
        rs.getString("id"),
        rs.getString("plan_name"),
        rs.getString("plan_sha256"),
        rs.getString("mode"),
        rs.getString("params"),
        rs.getString("launcher"),
        rs.getString("workflow_id"),
        rs.getTimestamp("created_at").toInstant());
  }

  /** The canonical content of a stored event, as {@link #link} hashed it. */
  static String content(RunEventRow row) {
    return ChainContent.runEvent(
        row.runId(),
        row.type().wireName(),
        row.at(),
        row.stage(),
        row.stepId(),
        row.kind(),
        row.attempt(),
        row.message(),
        row.detail());
  }

  /** PostgreSQL keeps microseconds; the hash must be of what is kept. */
  private static RunEventRow atRecordPrecision(RunEventRow event) {
    Instant at = event.at().truncatedTo(ChronoUnit.MICROS);
    return at.equals(event.at())
        ? event
        : new RunEventRow(
            event.runId(),
            event.seq(),
            event.type(),
            at,
            event.stage(),
            event.stepId(),
            event.kind(),
            event.attempt(),
            event.message(),
            event.detail());
  }

  private record Tail(long lastSeq, Optional<String> lastHash, String identity) {}
}
