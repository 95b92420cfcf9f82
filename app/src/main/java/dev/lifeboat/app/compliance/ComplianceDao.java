package dev.lifeboat.app.compliance;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * What the compliance view reads of {@code runs}, set-based: two queries whatever the number of
 * plans and runs, each served by an index of V10. {@code plan} null reads every plan.
 */
public interface ComplianceDao {
  /** A run that counts as an exercise done (V10's partial index has the same condition). */
  String PASSING =
      """
      (verdict = 'pass' or (mode = 'tabletop' and status in ('succeeded', 'succeeded_with_findings')))
      """;

  /** The newest run of each plan and mode ({@code last}), and its newest passing one. */
  @SqlQuery(
      """
      select * from (
        select distinct on (plan_name, mode)
               'last' as kind, plan_name, mode, id as run_id, status, verdict, created_at, ended_at
          from runs
         where cast(:plan as text) is null or plan_name = :plan
         order by plan_name, mode, created_at desc, id desc) as newest
      union all
      select * from (
        select distinct on (plan_name, mode)
               'passing' as kind, plan_name, mode, id as run_id, status, verdict, created_at,
               ended_at
          from runs
         where (cast(:plan as text) is null or plan_name = :plan) and
      """
          + PASSING
          + """
         order by plan_name, mode, created_at desc, id desc) as passing
      """)
  @RegisterConstructorMapper(RunMark.class)
  List<RunMark> marks(@Bind("plan") String plan);

  /** The newest {@code perPlan} ended drills of each plan, newest first. */
  @SqlQuery(
      """
      select plan_name, run_id, status, verdict, created_at, ended_at, rto_millis, rpo_millis
        from (select plan_name, id as run_id, status, verdict, created_at, ended_at,
                     cast(extract(epoch from rto_achieved) * 1000 as bigint) as rto_millis,
                     cast(extract(epoch from rpo_observed) * 1000 as bigint) as rpo_millis,
                     row_number() over (partition by plan_name
                                        order by created_at desc, id desc) as nth
                from runs
               where mode = 'drill' and status not in ('pending', 'running')
                 and (cast(:plan as text) is null or plan_name = :plan)) as drills
       where nth <= :perPlan
       order by plan_name, created_at desc, run_id desc
      """)
  @RegisterConstructorMapper(DrillPoint.class)
  List<DrillPoint> lastDrills(@Bind("plan") String plan, @Bind("perPlan") int perPlan);
}
