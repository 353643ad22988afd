-- Unfinished runs but the caller's, not marked aborted, with the process that ran them
-- (`liveness.dead_runs`).
select r.run_id, p.host, p.pid, p.process_started from core.runs as r
join core.run_processes as p using (run_id)
where r.finished_at is null and r.run_id != ?
    and not exists (select 1 from core.run_aborts as a where a.run_id = r.run_id)
order by r.started_at
