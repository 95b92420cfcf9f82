-- A drill's or recovery's verdict (issue 11.3): judged from the record as the run ends, whoever
-- ends it (its workflow, or the reconciler marking it interrupted), and set by the very statement
-- that sets its final status. The status trigger then keeps it as final as the status: a run that
-- has ended is never updated again. Tabletop runs, and runs that ended before this migration, have
-- none (null).

alter table runs
    add column verdict         text check (verdict in ('pass', 'fail')),
    add column verdict_reasons jsonb,     -- [{reason, message, step, undos, exceededBy, …}], [] on a pass
    add column rto_achieved    interval,  -- null when not measured
    add column rpo_observed    interval,  -- null when not measured
    add column rto_step        text,      -- the step whose end the RTO is measured to
    add column rpo_backup      text,      -- the newest backup verified: path, step, when taken
    add constraint runs_verdict_whole check ((verdict is null) = (verdict_reasons is null)),
    add constraint runs_verdict_at_the_end check (verdict is null or status not in ('pending', 'running'));

-- GET /api/runs?plan=…&mode=drill&verdict=fail
create index runs_by_plan_mode_verdict on runs (plan_name, mode, verdict, created_at desc);
