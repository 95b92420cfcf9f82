-- Who may use the API (tokens, stored as hashes only), what was done to tokens (audit), and what
-- people asked of runs (run_actions). Like the run record, none of it is ever deleted.

create table api_tokens (
    id            text        primary key,        -- the public part of the token: lb_<id>_<secret>
    name          text        not null,           -- the identity recorded for everything it does
    role          text        not null check (role in ('viewer', 'operator', 'commander', 'admin')),
    token_sha256  char(64)    not null unique,    -- SHA-256 of the whole token; the token is never kept
    created_by    text        not null,
    created_at    timestamptz not null default now(),
    revoked_by    text,
    revoked_at    timestamptz,
    check ((revoked_by is null) = (revoked_at is null))
);

create trigger api_tokens_never_deleted before delete on api_tokens
    for each row execute function lifeboat_forbid_change();

-- A token's identity, role and hash never change; the only move is revoking it, once.
create function lifeboat_tokens_only_revoke() returns trigger language plpgsql as $$
begin
    if (new.id, new.name, new.role, new.token_sha256, new.created_by, new.created_at)
       is distinct from
       (old.id, old.name, old.role, old.token_sha256, old.created_by, old.created_at) then
        raise exception 'a token''s identity, role and hash are never rewritten (token %)', old.id;
    end if;
    if old.revoked_at is not null then
        raise exception 'token % is already revoked; revocation is final', old.id;
    end if;
    return new;
end;
$$;

create trigger api_tokens_only_revoke before update on api_tokens
    for each row execute function lifeboat_tokens_only_revoke();

-- Security-relevant acts (token created, bootstrapped, revoked), in order, append-only.
create table audit_events (
    seq      bigint      generated always as identity primary key,
    at       timestamptz not null default now(),
    actor    text        not null,
    action   text        not null,
    subject  text        not null,
    detail   jsonb
);

create trigger audit_events_append_only before update or delete on audit_events
    for each row execute function lifeboat_forbid_change();

-- What a person asked of a run (cancel; later approve, acknowledge, skip), with the authenticated
-- caller as the actor, recorded before the request is passed to the run's workflow.
create table run_actions (
    seq      bigint      generated always as identity primary key,
    run_id   text        not null references runs (id),
    action   text        not null,
    actor    text        not null,
    at       timestamptz not null default now(),
    detail   jsonb
);

create index run_actions_by_run on run_actions (run_id, seq);

create trigger run_actions_append_only before update or delete on run_actions
    for each row execute function lifeboat_forbid_change();
