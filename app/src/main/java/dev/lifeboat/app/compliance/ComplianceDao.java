package dev.lifeboat.app.compliance;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * What the compliance view reads of {@code runs}, set-based: two queries whatever the number of
 * plans and runs. Each walks V10's indexes once per plan (and mode) with a {@code LATERAL ...
 * LIMIT}, newest first, so the cost follows the number of plans, not of runs.
 */
public interface ComplianceDao {
  /** A run that counts as an exercise done (V10's partial index has the same condition). */
  String PASSING =
      """
      (verdict = 'pass' or (mode = 'tabletop' and status in ('succeeded', 'succeeded_with_findings')))
      """;

  String PLANS_AND_MODES =
      """
      from unnest(cast(:plans as text[])) as p (plan_name)
      cross join (values ('tabletop'), ('drill'), ('recovery')) as m (mode)
      """;

  /** The newest run of each of {@code plans} in each mode ({@code last}), and its newest pass. */
  @SqlQuery(
      "select 'last' as kind, p.plan_name, m.mode, r.run_id, r.status, r.verdict, r.created_at,"
          + " r.ended_at "
          + PLANS_AND_MODES
          + """
          cross join lateral (
            select id as run_id, status, verdict, created_at, ended_at from runs
             where plan_name = p.plan_name and mode = m.mode
             order by created_at desc, id desc limit 1) as r
          union all
          select 'passing', p.plan_name, m.mode, r.run_id, r.status, r.verdict, r.created_at,
                 r.ended_at
          """
          + PLANS_AND_MODES
          + """
          cross join lateral (
            select id as run_id, status, verdict, created_at, ended_at from runs
             where plan_name = p.plan_name and mode = m.mode and
          """
          + PASSING
          + """
             order by created_at desc, id desc limit 1) as r
          """)
  @RegisterConstructorMapper(RunMark.class)
  List<RunMark> marks(@Bind("plans") String[] plans);

  /** The newest {@code perPlan} ended drills of each of {@code plans}, newest first. */
  @SqlQuery(
      """
      select p.plan_name, d.run_id, d.status, d.verdict, d.created_at, d.ended_at,
             d.rto_millis, d.rpo_millis
        from unnest(cast(:plans as text[])) as p (plan_name)
       cross join lateral (
         select id as run_id, status, verdict, created_at, ended_at,
                cast(extract(epoch from rto_achieved) * 1000 as bigint) as rto_millis,
                cast(extract(epoch from rpo_observed) * 1000 as bigint) as rpo_millis
           from runs
          where plan_name = p.plan_name
            and mode = 'drill' and status not in ('pending', 'running')
          order by created_at desc, id desc limit :perPlan) as d
       order by p.plan_name, d.created_at desc, d.run_id desc
      """)
  @RegisterConstructorMapper(DrillPoint.class)
  List<DrillPoint> lastDrills(@Bind("plans") String[] plans, @Bind("perPlan") int perPlan);
}
