package dev.lifeboat.app.store;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The append-only {@code run_events} table. */
@RegisterConstructorMapper(RunEventRow.class)
public interface RunEventDao {
  /** Appends one event; an event already recorded under the same (run, seq) is left as it is. */
  @SqlUpdate(
      """
      insert into run_events (run_id, seq, type, at, stage, step_id, kind, attempt, message, detail)
      values (:runId, :seq, :type, :at, :stage, :stepId, :kind, :attempt, :message,
              cast(:detail as jsonb))
      on conflict (run_id, seq) do nothing
      """)
  int append(@BindMethods RunEventRow event);

  @SqlQuery(
      """
      select run_id, seq, type, at, stage, step_id, kind, attempt, message, detail::text as detail
        from run_events where run_id = :runId order by seq
      """)
  List<RunEventRow> forRun(@Bind("runId") String runId);

  @SqlQuery("select coalesce(max(seq), 0) from run_events where run_id = :runId")
  long lastSeq(@Bind("runId") String runId);
}
