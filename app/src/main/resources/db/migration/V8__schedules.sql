-- Scheduled drills (README, "Scheduling drills"). A schedule's definition never changes; only its
-- paused flag moves, and deletion is recorded once (deleted_by/deleted_at), never a row DELETE.
-- Every change and every fire is an append-only, hash-chained schedule_events row (one chain over
-- the whole table, starting from 64 zeros, like audit_events), checked by `lifeboat audit verify`.

create table schedules (
    id          text        primary key,
    plan        text        not null,
    -- tabletop or drill; never a recovery. Not an enumeration of the allowed modes, so a new
    -- side-effect-free mode (precheck) needs no migration.
    mode        text        not null check (mode <> 'recovery'),
    cron        text        not null,
    zone        text        not null,
    params      jsonb       not null,
    overlap     text        not null check (overlap in ('skip', 'queue', 'cancel-previous')),
    paused      boolean     not null default false,
    owner       text        not null,
    created_by  text        not null,
    created_at  timestamptz not null,
    deleted_by  text,
    deleted_at  timestamptz,
    check ((deleted_by is null) = (deleted_at is null))
);

create trigger schedules_never_deleted before delete on schedules
    for each row execute function lifeboat_forbid_change();

create function lifeboat_schedules_only_pause_or_delete() returns trigger language plpgsql as $$
begin
    if (new.id, new.plan, new.mode, new.cron, new.zone, new.params, new.overlap, new.owner,
        new.created_by, new.created_at)
       is distinct from
       (old.id, old.plan, old.mode, old.cron, old.zone, old.params, old.overlap, old.owner,
        old.created_by, old.created_at) then
        raise exception 'a schedule''s definition is never rewritten (schedule %)', old.id;
    end if;
    if old.deleted_at is not null then
        raise exception 'schedule % is deleted; deletion is final', old.id;
    end if;
    return new;
end;
$$;

create trigger schedules_only_pause_or_delete before update on schedules
    for each row execute function lifeboat_schedules_only_pause_or_delete();

create table schedule_events (
    seq              bigint      generated always as identity primary key,
    schedule_id      text        not null references schedules (id),
    type             text        not null,   -- created, paused, resumed, deleted, run_now,
                                             -- fired, late_fired, run_now_fired, skipped
    at               timestamptz not null,
    actor            text        not null,
    fire_at          timestamptz,            -- the fire time a fire or skip is for
    run_id           text,                   -- the run a fire launched
    message          text,
    previous_sha256  char(64)    not null,
    sha256           char(64)    not null
);

-- A fire is recorded once, whoever retries it.
create unique index schedule_events_one_per_fire on schedule_events (schedule_id, type, fire_at)
    where fire_at is not null;
create index schedule_events_by_schedule on schedule_events (schedule_id, seq);

create trigger schedule_events_append_only before update or delete on schedule_events
    for each row execute function lifeboat_forbid_change();
