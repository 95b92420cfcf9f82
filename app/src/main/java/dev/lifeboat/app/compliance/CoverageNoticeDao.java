package dev.lifeboat.app.compliance;

import java.time.Instant;
import java.time.LocalDate;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** {@code coverage_notices} (V10): one row per notice sent, never changed. */
public interface CoverageNoticeDao {
  /**
   * Records the notice of {@code plan} and {@code mode} for {@code day}; 0 when it is there
   * already. Another transaction recording the same notice waits for this one to end.
   */
  @SqlUpdate(
      """
      insert into coverage_notices (plan_name, mode, day, owner, channel, due_at)
      values (:plan, :mode, :day, :owner, :channel, :dueAt)
      on conflict (plan_name, mode, day) do nothing
      """)
  int record(
      @Bind("plan") String plan,
      @Bind("mode") String mode,
      @Bind("day") LocalDate day,
      @Bind("owner") String owner,
      @Bind("channel") String channel,
      @Bind("dueAt") Instant dueAt);

  @SqlQuery("select count(*) from coverage_notices where plan_name = :plan and mode = :mode")
  int count(@Bind("plan") String plan, @Bind("mode") String mode);
}
