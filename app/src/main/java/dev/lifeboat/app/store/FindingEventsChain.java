package dev.lifeboat.app.store;

import dev.lifeboat.app.chain.ChainContent;
import dev.lifeboat.app.chain.ChainHash;
import dev.lifeboat.app.chain.ChainLink;
import dev.lifeboat.app.chain.ChainVerifier;
import dev.lifeboat.app.chain.Integrity;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Checks the findings' chain ({@code finding_events}, migration V7): each event recomputed from its
 * stored values, a {@code created} event together with its finding's identity row, so an edited
 * title or plan shows as that finding's {@code created} event edited. A left join: an event whose
 * finding row was deleted is still checked, and fails.
 */
final class FindingEventsChain {
  private FindingEventsChain() {}

  static Integrity verify(Handle handle) {
    List<ChainLink> links =
        handle
            .createQuery(
                """
                select e.seq, e.finding_id, e.type, e.at, e.actor, e.detail::text as detail,
                       e.previous_sha256, e.sha256, f.id as identity_id, f.plan_name, f.run_id,
                       f.step_id, f.objective, f.origin, f.title, f.created_at, f.created_by
                  from finding_events e left join findings f on f.id = e.finding_id
                 order by e.seq
                """)
            .map(
                (rs, ctx) ->
                    new ChainLink(
                        rs.getLong("seq"),
                        rs.getString("previous_sha256"),
                        rs.getString("sha256"),
                        ChainContent.findingEvent(
                            rs.getLong("finding_id"),
                            rs.getString("type"),
                            rs.getTimestamp("at").toInstant(),
                            rs.getString("actor"),
                            rs.getString("detail"),
                            "created".equals(rs.getString("type")) ? identity(rs) : null)))
            .list();
    return ChainVerifier.verify("finding events", ChainHash.ORIGIN, false, links);
  }

  private static String identity(ResultSet rs) throws SQLException {
    if (rs.getObject("identity_id") == null) {
      return "null";
    }
    return ChainContent.findingIdentity(
        rs.getLong("identity_id"),
        rs.getString("plan_name"),
        rs.getString("run_id"),
        rs.getString("step_id"),
        rs.getString("objective"),
        rs.getString("origin"),
        rs.getString("title"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getString("created_by"));
  }
}
