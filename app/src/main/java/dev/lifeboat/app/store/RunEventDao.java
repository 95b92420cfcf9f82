package dev.lifeboat.app.store;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The append-only {@code run_events} table. */
@RegisterConstructorMapper(RunEventRow.class)
public interface RunEventDao {
  /**
   * Appends an event with its chain hashes ({@link RunStore} is the one writer: it links events
   * into their run's chain); one already recorded under the same (run, seq) is left as it is.
   */
  String APPEND =
      """
      insert into run_events (run_id, seq, type, at, stage, step_id, kind, attempt, message, detail,
                              previous_sha256, sha256)
      values (:runId, :seq, :type, :at, :stage, :stepId, :kind, :attempt, :message,
              cast(:detail as jsonb), :previousSha256, :sha256)
      on conflict (run_id, seq) do nothing
      """;

  @SqlQuery(
      """
      select run_id, seq, type, at, stage, step_id, kind, attempt, message, detail::text as detail
        from run_events where run_id = :runId order by seq
      """)
  List<RunEventRow> forRun(@Bind("runId") String runId);

  @SqlQuery(
      """
      select run_id, seq, type, at, stage, step_id, kind, attempt, message, detail::text as detail
        from run_events where run_id = :runId and seq = :seq
      """)
  Optional<RunEventRow> one(@Bind("runId") String runId, @Bind("seq") long seq);

  @SqlQuery("select coalesce(max(seq), 0) from run_events where run_id = :runId")
  long lastSeq(@Bind("runId") String runId);
}
