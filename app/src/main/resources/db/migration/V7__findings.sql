-- Findings / corrective actions (issue 12.3): what a run showed must be fixed, with an owner and a
-- due date, followed to closure. A finding's identity (plan, source run and step, origin, title, who
-- made it and when) is a row of `findings`, never changed; everything that happens to it (created,
-- status, owner or due date changed) is a row of `finding_events`, never changed either, so its
-- current state is the last event's. The events form one hash chain from 64 zeros (README,
-- "Integrity of the record"); a `created` event also hashes its finding's identity row, so an edit of
-- either is named by `lifeboat audit verify`.

create table findings (
    id          bigint      generated always as identity primary key,
    plan_name   text        not null,
    run_id      text        references runs (id),        -- null for one made by hand without a run
    step_id     text,                                    -- the step it is about, when there is one
    objective   text        check (objective in ('rto', 'rpo')),  -- a missed objective's
    origin      text        not null check (origin in ('tabletop_gap', 'failed_step', 'skipped_step',
                                'missed_objective', 'incomplete_cleanup', 'manual')),
    title       text        not null,
    created_at  timestamptz not null,
    created_by  text        not null,
    check (origin = 'manual' or run_id is not null)
);

-- A run's end is recorded once, but a write may be retried: each automatic finding exists once.
create unique index findings_once_per_run
    on findings (run_id, origin, coalesce(step_id, ''), coalesce(objective, ''))
    where origin <> 'manual';
create index findings_by_plan on findings (plan_name, id);

create trigger findings_append_only before update or delete on findings
    for each row execute function lifeboat_forbid_change();

-- detail: the finding's state after the event, {"status", "owner", "due", "note"}.
create table finding_events (
    seq             bigint      generated always as identity primary key,
    finding_id      bigint      not null references findings (id),
    type            text        not null check (type in ('created', 'status', 'owner', 'due')),
    at              timestamptz not null,
    actor           text        not null,
    detail          jsonb       not null,
    previous_sha256 char(64)    not null,
    sha256          char(64)    not null
);

create index finding_events_by_finding on finding_events (finding_id, seq);

create trigger finding_events_append_only before update or delete on finding_events
    for each row execute function lifeboat_forbid_change();
