package dev.lifeboat.app.findings;

import dev.lifeboat.app.chain.ChainContent;
import dev.lifeboat.app.chain.ChainHash;
import dev.lifeboat.app.chain.RecordChains;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The append-only {@code findings} and {@code finding_events} tables (migration V7). Call inside a
 * transaction: {@link #lockChain} holds the chain's lock until it ends.
 */
@RegisterConstructorMapper(Finding.class)
@RegisterConstructorMapper(FindingEvent.class)
@RegisterConstructorMapper(FindingDao.PlanCounts.class)
public interface FindingDao extends SqlObject {
  /** Serialises appends, so two cannot link to the same last event. */
  long CHAIN_LOCK = 0x4c_42_46_49_4e_44L; // "LBFIND"

  /** Open (or in progress) and overdue findings of one plan. */
  record PlanCounts(String plan, long open, long overdue) {}

  /** Takes the chain's lock and answers the last event's hash (the next one's predecessor). */
  default String lockChain() {
    return RecordChains.lockAndLast(getHandle(), CHAIN_LOCK, "finding_events");
  }

  /** Appends an event linked to {@code previous}; answers its hash, the next one's predecessor. */
  default String append(
      String previous,
      long finding,
      String type,
      Instant at,
      String actor,
      String detail,
      String identity) {
    String hash =
        ChainHash.next(
            previous, ChainContent.findingEvent(finding, type, at, actor, detail, identity));
    insertEvent(finding, type, at, actor, detail, previous, hash);
    return hash;
  }

  /** Records a finding's identity; empty when a run's end already recorded this one. */
  @SqlUpdate(
      """
      insert into findings (plan_name, run_id, step_id, objective, origin, title, created_at,
                            created_by)
      values (:plan, :run, :step, :objective, :originName, :title, :at, :by)
      on conflict do nothing
      """)
  @GetGeneratedKeys("id")
  Optional<Long> insert(
      @BindMethods NewFinding finding,
      @Bind("originName") String origin,
      @Bind("at") Instant at,
      @Bind("by") String by);

  @SqlUpdate(
      """
      insert into finding_events (finding_id, type, at, actor, detail, previous_sha256, sha256)
      values (:finding, :type, :at, :actor, cast(:detail as jsonb), :previous, :hash)
      """)
  void insertEvent(
      @Bind("finding") long finding,
      @Bind("type") String type,
      @Bind("at") Instant at,
      @Bind("actor") String actor,
      @Bind("detail") String detail,
      @Bind("previous") String previous,
      @Bind("hash") String hash);

  String CURRENT =
      """
      select f.id, f.plan_name as plan, f.run_id as run, f.step_id as step, f.objective, f.origin,
             f.title, s.detail ->> 'status' as status, s.detail ->> 'owner' as owner,
             cast(s.detail ->> 'due' as date) as due, s.detail ->> 'note' as note,
             (cast(s.detail ->> 'due' as date) < :today
              and s.detail ->> 'status' in ('open', 'in_progress')) as overdue,
             f.created_at, f.created_by
        from findings f
        join lateral (select detail from finding_events e where e.finding_id = f.id
                       order by e.seq desc limit 1) s on true
      """;

  /** The findings that match every filter given (null: any), oldest first, at most 1,000. */
  @SqlQuery(
      CURRENT
          + """
           where (cast(:plan as text) is null or f.plan_name = :plan)
             and (cast(:run as text) is null or f.run_id = :run)
             and (cast(:status as text) is null or s.detail ->> 'status' = :status)
             and (not :overdueOnly or (cast(s.detail ->> 'due' as date) < :today
                                       and s.detail ->> 'status' in ('open', 'in_progress')))
           order by f.id limit 1000
          """)
  List<Finding> list(
      @Bind("plan") String plan,
      @Bind("run") String run,
      @Bind("status") String status,
      @Bind("overdueOnly") boolean overdueOnly,
      @Bind("today") LocalDate today);

  @SqlQuery(CURRENT + " where f.id = :id")
  Optional<Finding> find(@Bind("id") long id, @Bind("today") LocalDate today);

  @SqlQuery(
      """
      select seq, type, at, actor, detail ->> 'status' as status, detail ->> 'owner' as owner,
             cast(detail ->> 'due' as date) as due, detail ->> 'note' as note
        from finding_events where finding_id = :id order by seq
      """)
  List<FindingEvent> history(@Bind("id") long id);

  @SqlQuery(
      """
      select f.plan_name as plan,
             count(*) filter (where s.status in ('open', 'in_progress')) as open,
             count(*) filter (where s.status in ('open', 'in_progress') and s.due < :today)
               as overdue
        from findings f
        join lateral (select detail ->> 'status' as status, cast(detail ->> 'due' as date) as due
                        from finding_events e where e.finding_id = f.id
                       order by e.seq desc limit 1) s on true
       group by f.plan_name order by f.plan_name
      """)
  List<PlanCounts> counts(@Bind("today") LocalDate today);
}
