-- The record of every run. Runs and their events are never deleted; events are never changed.

create table runs (
    id           text primary key,
    plan_name    text        not null,
    plan_text    text        not null,
    plan_sha256  char(64)    not null,
    plan_json    jsonb       not null,   -- the resolved plan the workflow received
    mode         text        not null check (mode in ('tabletop', 'drill', 'recovery')),
    params       jsonb       not null,
    launcher     text        not null,
    status       text        not null check (status in
                     ('pending', 'running', 'succeeded', 'failed', 'cancelled', 'interrupted')),
    workflow_id  text        not null unique,
    created_at   timestamptz not null default now(),
    started_at   timestamptz,
    ended_at     timestamptz
);

create index runs_newest_first on runs (created_at desc, id desc);
create index runs_unfinished on runs (status) where status in ('pending', 'running');

create table run_events (
    run_id     text        not null references runs (id),
    seq        bigint      not null check (seq > 0),
    type       text        not null,
    at         timestamptz not null,
    stage      text,
    step_id    text,
    kind       text,
    attempt    integer     not null default 0,
    message    text,
    detail     jsonb,
    recorded_at timestamptz not null default now(),
    primary key (run_id, seq)
);

-- Append-only: no update or delete of events, no delete of runs, and a run's identity and plan
-- never change once recorded (only its status and timings move, each move also being an event).
create function lifeboat_forbid_change() returns trigger language plpgsql as $$
begin
    raise exception 'the % table is append-only: % is not allowed', tg_table_name, tg_op;
end;
$$;

create trigger run_events_append_only before update or delete on run_events
    for each row execute function lifeboat_forbid_change();

create trigger runs_never_deleted before delete on runs
    for each row execute function lifeboat_forbid_change();

create function lifeboat_runs_keep_identity() returns trigger language plpgsql as $$
begin
    if (new.id, new.plan_name, new.plan_text, new.plan_sha256, new.plan_json, new.mode, new.params,
        new.launcher, new.workflow_id, new.created_at)
       is distinct from
       (old.id, old.plan_name, old.plan_text, old.plan_sha256, old.plan_json, old.mode, old.params,
        old.launcher, old.workflow_id, old.created_at) then
        raise exception 'a run''s identity and plan are never rewritten (run %)', old.id;
    end if;
    if old.status in ('succeeded', 'failed', 'cancelled', 'interrupted') then
        raise exception 'run % already ended as %; its status is final', old.id, old.status;
    end if;
    return new;
end;
$$;

create trigger runs_keep_identity before update on runs
    for each row execute function lifeboat_runs_keep_identity();
