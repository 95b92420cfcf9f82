-- A run resuming an earlier one (failed, cancelled or interrupted) is a new run; this table links
-- the two, so neither run's row is rewritten: the new run's link names the run it resumes
-- (resumed_from), and the old run's "resumed_by" is the run whose link names it. A run is resumed
-- at most once (unique), so two resumes at the same moment cannot both start.

create table run_resumes (
    run_id        text        primary key references runs (id),
    resumed_from  text        not null unique references runs (id),
    -- the run whose id the plan's run.id reference stands for: the first run of a chain of resumes, so
    -- names made from it (a drill_shop_<run id> database) are those the carried-over steps made
    plan_run_id   text        not null references runs (id),
    -- which plan the resumed run runs: the text the resumed run started from, or the current file
    plan          text        not null check (plan in ('recorded', 'current')),
    created_at    timestamptz not null default now(),
    check (run_id <> resumed_from)
);

create trigger run_resumes_append_only before update or delete on run_resumes
    for each row execute function lifeboat_forbid_change();
