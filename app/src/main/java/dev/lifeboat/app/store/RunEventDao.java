package dev.lifeboat.app.store;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The append-only {@code run_events} table. */
@RegisterConstructorMapper(RunEventRow.class)
public interface RunEventDao {
  /** Appends an event; one already recorded under the same (run, seq) is left as it is. */
  String APPEND =
      """
      insert into run_events (run_id, seq, type, at, stage, step_id, kind, attempt, message, detail)
      values (:runId, :seq, :type, :at, :stage, :stepId, :kind, :attempt, :message,
              cast(:detail as jsonb))
      on conflict (run_id, seq) do nothing
      """;

  /**
   * Appends events in one batch ({@link #APPEND}). Returns one count per event: 1 appended, 0
   * already there. {@link RunStore} binds the same statement by hand, which is faster.
   */
  @SqlBatch(APPEND)
  int[] append(@BindMethods List<RunEventRow> events);

  @SqlQuery(
      """
      select run_id, seq, type, at, stage, step_id, kind, attempt, message, detail::text as detail
        from run_events where run_id = :runId order by seq
      """)
  List<RunEventRow> forRun(@Bind("runId") String runId);

  @SqlQuery("select coalesce(max(seq), 0) from run_events where run_id = :runId")
  long lastSeq(@Bind("runId") String runId);
}
