package dev.lifeboat.app.store;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The append-only {@code run_resumes} table: which run resumes which. */
@RegisterConstructorMapper(RunResumeRow.class)
public interface RunResumeDao {
  String COLUMNS = "run_id, resumed_from, plan_run_id, plan, created_at";

  @SqlUpdate(
      """
      insert into run_resumes (run_id, resumed_from, plan_run_id, plan, created_at)
      values (:runId, :resumedFrom, :planRunId, :plan, :createdAt)
      """)
  void insert(@BindMethods RunResumeRow link);

  /** The link of a run that resumes another: which one it resumes. */
  @SqlQuery("select " + COLUMNS + " from run_resumes where run_id = :runId")
  Optional<RunResumeRow> resuming(@Bind("runId") String runId);

  /** The link of the run that resumed {@code runId}, if one did. */
  @SqlQuery("select " + COLUMNS + " from run_resumes where resumed_from = :runId")
  Optional<RunResumeRow> resumedBy(@Bind("runId") String runId);
}
