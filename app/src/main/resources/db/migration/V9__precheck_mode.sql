-- A readiness precheck is recorded like a run, in mode 'precheck' (issue 13 point 3).
alter table runs drop constraint runs_mode_check;
alter table runs add constraint runs_mode_check
    check (mode in ('tabletop', 'drill', 'recovery', 'precheck'));
