package dev.lifeboat.app.store;

import dev.lifeboat.workflow.RunStatus;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The verdict columns of {@code runs}: set once, with the final status; read for views. */
@RegisterConstructorMapper(RunVerdictRow.class)
public interface RunVerdictDao {
  /**
   * Ends an unfinished run with its verdict, as {@link RunDao#moveStatus} ends one without; a run
   * that already ended keeps everything (0 is returned then), and the schema refuses any later
   * change.
   */
  @SqlUpdate(
      """
      update runs
         set status = :status,
             started_at = coalesce(started_at, :startedAt),
             ended_at = coalesce(ended_at, :endedAt),
             verdict = :verdict,
             verdict_reasons = cast(:reasons as jsonb),
             rto_achieved = cast(:rtoMillis as bigint) * interval '1 millisecond',
             rpo_observed = cast(:rpoMillis as bigint) * interval '1 millisecond',
             rto_step = :rtoStep,
             rpo_backup = :rpoBackup
       where id = :id and status in ('pending', 'running')
      """)
  int end(
      @Bind("id") String id,
      @Bind("status") RunStatus status,
      @Bind("startedAt") Instant startedAt,
      @Bind("endedAt") Instant endedAt,
      @Bind("verdict") String verdict,
      @Bind("reasons") String reasons,
      @Bind("rtoMillis") Long rtoMillis,
      @Bind("rpoMillis") Long rpoMillis,
      @Bind("rtoStep") String rtoStep,
      @Bind("rpoBackup") String rpoBackup);

  /** The verdicts of those of {@code runIds} that have one ({@code runIds} not empty). */
  @SqlQuery(
      """
      select id as run_id, verdict, verdict_reasons::text as reasons,
             cast(extract(epoch from rto_achieved) * 1000 as bigint) as rto_millis,
             cast(extract(epoch from rpo_observed) * 1000 as bigint) as rpo_millis,
             rto_step, rpo_backup
        from runs where id in (<runIds>) and verdict is not null
      """)
  List<RunVerdictRow> of(@BindList("runIds") List<String> runIds);
}
