-- Two more final statuses: a drill or recovery that ran to the end although a step the plan let
-- fail (on_failure: continue) failed, and a tabletop walk-through that found gaps. Neither may ever
-- be shown as plain 'succeeded', and both are as final as the others.

alter table runs drop constraint runs_status_check;
alter table runs add constraint runs_status_check check (status in
    ('pending', 'running', 'succeeded', 'succeeded_with_failures', 'succeeded_with_findings',
     'failed', 'cancelled', 'interrupted'));

create or replace function lifeboat_runs_keep_identity() returns trigger language plpgsql as $$
begin
    if (new.id, new.plan_name, new.plan_text, new.plan_sha256, new.plan_json, new.mode, new.params,
        new.launcher, new.workflow_id, new.created_at)
       is distinct from
       (old.id, old.plan_name, old.plan_text, old.plan_sha256, old.plan_json, old.mode, old.params,
        old.launcher, old.workflow_id, old.created_at) then
        raise exception 'a run''s identity and plan are never rewritten (run %)', old.id;
    end if;
    if old.status not in ('pending', 'running') then
        raise exception 'run % already ended as %; its status is final', old.id, old.status;
    end if;
    return new;
end;
$$;
