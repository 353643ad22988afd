-- Runs killed mid-way (power loss, kill -9) never record their end. Each run records the process
-- that runs it, so that a later run can tell a dead run from a live one and mark it aborted.
create table core.run_processes (
    run_id varchar primary key,
    host varchar not null,
    pid integer not null,
    process_started double          -- the process's start (epoch seconds): a reused pid is another process
);

-- Runs found dead by a later run; what they had recorded stays (each file's load is one transaction).
create table core.run_aborts (
    run_id varchar primary key,
    aborted_at timestamp not null,  -- UTC, when the later run noticed
    noticed_by_run varchar not null -- the run that marked it and re-ran the cross-report checks
);

create or replace view runs as
with recorded as (
    select
        run_id,
        count(*) as reports_recorded,
        count(*) filter (where status = 'quarantined') as reports_quarantined
    from core.reports
    group by run_id
),
superseded as (
    select newer.run_id, count(*) as reports_superseded
    from core.reports as older
    join core.reports as newer on older.superseded_by = newer.report_id
    group by newer.run_id
),
extracted as (
    select rep.run_id, count(*) as rows_extracted
    from core.rows as r
    join core.reports as rep using (report_id)
    group by rep.run_id
),
raised as (
    select run_id, count(*) as flags_raised
    from core.flags
    group by run_id
),
reported as (
    select run_id, map(list(name order by name), list(value order by name)) as counts
    from core.run_counts
    group by run_id
)
select
    runs.run_id,
    runs.flow_run_id,
    runs.started_at,
    runs.finished_at,
    case
        when aborts.run_id is not null then 'aborted'
        when runs.finished_at is null then 'running'
        else 'finished'
    end as status,
    coalesce(recorded.reports_recorded, 0) as reports_recorded,
    coalesce(recorded.reports_quarantined, 0) as reports_quarantined,
    coalesce(superseded.reports_superseded, 0) as reports_superseded,
    coalesce(extracted.rows_extracted, 0) as rows_extracted,
    coalesce(raised.flags_raised, 0) as flags_raised,
    reported.counts,
    processes.host,
    processes.pid,
    aborts.aborted_at,
    aborts.noticed_by_run
from core.runs as runs
left join recorded using (run_id)
left join superseded using (run_id)
left join extracted using (run_id)
left join raised using (run_id)
left join reported using (run_id)
left join core.run_processes as processes using (run_id)
left join core.run_aborts as aborts using (run_id);
