package dev.lifeboat.app.store;

import dev.lifeboat.workflow.RunMode;
import dev.lifeboat.workflow.RunStatus;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** The {@code runs} table. Rows are inserted once; only status and timings move afterwards. */
@RegisterConstructorMapper(RunRow.class)
public interface RunDao {
  String COLUMNS =
      """
      id, plan_name, plan_text, plan_sha256, plan_json::text as plan_json, mode, params::text as params,
      launcher, status, workflow_id, created_at, started_at, ended_at
      """;

  @SqlUpdate(
      """
      insert into runs (id, plan_name, plan_text, plan_sha256, plan_json, mode, params, launcher,
                        status, workflow_id, created_at)
      values (:id, :planName, :planText, :planSha256, cast(:planJson as jsonb), :mode,
              cast(:params as jsonb), :launcher, :status, :workflowId, :createdAt)
      """)
  void insert(@BindMethods RunRow run);

  /**
   * Records {@code run} unless a run of its plan in one of {@code blockingModes} is still active,
   * which is returned instead (the oldest). Launches of one plan take a transaction-scoped advisory
   * lock first, so two launches at once cannot both find the plan free.
   */
  @Transaction
  default Optional<RunRow> insertUnlessActive(RunRow run, Collection<RunMode> blockingModes) {
    if (blockingModes.isEmpty()) {
      insert(run);
      return Optional.empty();
    }
    lockLaunchesOf(run.planName());
    Optional<RunRow> active =
        active(
            run.planName(),
            blockingModes.stream().map(RunMode::apiName).toList(),
            Arrays.stream(RunStatus.values())
                .filter(status -> !status.isTerminal())
                .map(RunStatus::apiName)
                .toList());
    if (active.isEmpty()) {
      insert(run);
    }
    return active;
  }

  /** Held until the launch's transaction ends; other plans' launches are not held up. */
  @SqlQuery("select 'locked' from pg_advisory_xact_lock(hashtext('lifeboat launch of ' || :plan))")
  String lockLaunchesOf(@Bind("plan") String planName);

  @SqlQuery(
      "select "
          + COLUMNS
          + " from runs where plan_name = :plan and mode in (<modes>) and status in (<statuses>)"
          + " order by mode = 'recovery' desc, created_at limit 1")
  Optional<RunRow> active(
      @Bind("plan") String planName,
      @BindList("modes") List<String> modes,
      @BindList("statuses") List<String> statuses);

  @SqlQuery("select " + COLUMNS + " from runs where id = :id")
  Optional<RunRow> find(@Bind("id") String id);

  @SqlQuery(
      "select "
          + COLUMNS
          + " from runs order by created_at desc, id desc limit :limit offset :offset")
  List<RunRow> newestFirst(@Bind("limit") int limit, @Bind("offset") int offset);

  @SqlQuery("select count(*) from runs")
  long count();

  /** What {@link #page} and {@link #countMatching} filter on; each null matches every run. */
  String MATCHING =
      """
       where (cast(:plan as text) is null or plan_name = :plan)
         and (cast(:mode as text) is null or mode = :mode)
         and (cast(:verdict as text) is null or verdict = :verdict)
      """;

  /**
   * Runs newest first, of {@code plan} in {@code mode} with {@code verdict} ({@code pass} or {@code
   * fail}), each filter left out when null.
   */
  @SqlQuery(
      "select "
          + COLUMNS
          + " from runs "
          + MATCHING
          + " order by created_at desc, id desc limit :limit offset :offset")
  List<RunRow> page(
      @Bind("plan") String planName,
      @Bind("mode") String mode,
      @Bind("verdict") String verdict,
      @Bind("limit") int limit,
      @Bind("offset") int offset);

  @SqlQuery("select count(*) from runs " + MATCHING)
  long countMatching(
      @Bind("plan") String planName, @Bind("mode") String mode, @Bind("verdict") String verdict);

  /**
   * The run while it is unfinished, locked until the transaction ends, so the one write that ends
   * it is the only one that judges it; empty once it has ended.
   */
  @SqlQuery(
      "select "
          + COLUMNS
          + " from runs where id = :id and status in ('pending', 'running') for update")
  Optional<RunRow> lockUnfinished(@Bind("id") String id);

  @SqlQuery(
      "select " + COLUMNS + " from runs where status in ('pending', 'running') order by created_at")
  List<RunRow> unfinished();

  /**
   * Moves an unfinished run to {@code status}. A run that already ended keeps its final status, so
   * a late writer cannot rewrite history; returns 0 then.
   */
  @SqlUpdate(
      """
      update runs
         set status = :status,
             started_at = coalesce(started_at, :startedAt),
             ended_at = coalesce(ended_at, :endedAt)
       where id = :id and status in ('pending', 'running')
      """)
  int moveStatus(
      @Bind("id") String id,
      @Bind("status") RunStatus status,
      @Bind("startedAt") Instant startedAt,
      @Bind("endedAt") Instant endedAt);
}
