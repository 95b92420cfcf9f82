-- The compliance view (issue 12.4) and the coverage policy (issue 13.2).
--
-- The view reads, per plan and mode, the newest run and the newest passing run (DISTINCT ON), and
-- the newest N ended drills per plan (row_number over a window); these indexes let each of those
-- be read in index order instead of sorting every run.
create index runs_by_plan_mode_newest on runs (plan_name, mode, created_at desc, id desc);

-- "Passing" as the view and the overdue notices count it: a drill or recovery judged pass, a
-- tabletop walked to its end (its gaps are findings, followed on their own).
create index runs_passing_by_plan_mode on runs (plan_name, mode, created_at desc, id desc)
    where verdict = 'pass'
       or (mode = 'tabletop' and status in ('succeeded', 'succeeded_with_findings'));

create index runs_ended_drills_by_plan on runs (plan_name, created_at desc, id desc)
    where mode = 'drill' and status not in ('pending', 'running');

-- One row per overdue notice sent: plan, mode and the UTC day it was sent for. The primary key is
-- what makes the daily check idempotent: a retried or restarted check finds the day's notice
-- already there and sends nothing. Append-only like the rest of the record.
create table coverage_notices (
    plan_name  text        not null,
    mode       text        not null check (mode in ('tabletop', 'drill')),
    day        date        not null,
    owner      text        not null,
    channel    text        not null,
    due_at     timestamptz,             -- null when the plan never passed in this mode
    sent_at    timestamptz not null default now(),
    primary key (plan_name, mode, day)
);

create trigger coverage_notices_append_only before update or delete on coverage_notices
    for each row execute function lifeboat_forbid_change();
