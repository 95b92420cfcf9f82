package dev.lifeboat.app.notices;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** {@code run_notices} (V11): one row per run notice sent, never changed. */
public interface RunNoticeDao {
  /**
   * Records the notice of run event {@code seq}; 0 when it is there already. Another transaction
   * recording the same notice waits for this one to end.
   */
  @SqlUpdate(
      """
      insert into run_notices (run_id, seq, event, owner, channel)
      values (:runId, :seq, :event, :owner, :channel)
      on conflict (run_id, seq) do nothing
      """)
  int record(
      @Bind("runId") String runId,
      @Bind("seq") long seq,
      @Bind("event") String event,
      @Bind("owner") String owner,
      @Bind("channel") String channel);

  @SqlQuery("select count(*) from run_notices where run_id = :runId")
  int count(@Bind("runId") String runId);
}
