-- The `reports` view's row counts (migration 002) of one report.
with rep as (
    select status
    from core.reports
    where report_id = $report_id
),
extracted as (
    select count(*) as n
    from core.rows
    where report_id = $report_id
),
with_errors as (
    select count(*) as n
    from core.error_rows as e
    join core.rows as r using (report_id, row_index)
    where e.report_id = $report_id and r.report_id = $report_id
)
select
    extracted.n as rows_extracted,
    case when rep.status = 'quarantined' then 0 else extracted.n - with_errors.n end as rows_loaded,
    case when rep.status = 'quarantined' then extracted.n else with_errors.n end as rows_quarantined
from rep, extracted, with_errors
