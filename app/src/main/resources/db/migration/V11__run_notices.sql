-- Run notices (issue 12.5): the plan owner's channel (owners: in config.yml) is told when a run
-- starts, waits for an approval, has a step fail or pause, and ends. One row per notice sent, keyed
-- by the run event it tells of: the notice's activity records the row in the transaction that
-- sends it, so a retried record write or a retried notice finds it there and sends nothing.
-- Append-only like the rest of the record.
create table run_notices (
    run_id   text        not null references runs (id),
    seq      bigint      not null,
    event    text        not null,
    owner    text        not null,
    channel  text        not null,
    sent_at  timestamptz not null default now(),
    primary key (run_id, seq)
);

create trigger run_notices_append_only before update or delete on run_notices
    for each row execute function lifeboat_forbid_change();
