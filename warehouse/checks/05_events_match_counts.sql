-- the events of a loaded report number its rows_loaded less the clean rows of its superseded
-- sections; other reports have no events
with event_counts as (
    select report_id, count(*) as n from events group by report_id
),
superseded_clean as (
    select r.report_id, count(*) as n
    from extracted_rows as r
    join report_sections as s using (report_id, municipality)
    where s.status = 'superseded'
        and not exists (
            select 1 from flagged_rows as f
            where f.quarantined and f.report_id = r.report_id and f.row_index = r.row_index
        )
    group by r.report_id
),
compared as (
    select r.report_id, r.status, r.rows_loaded - coalesce(s.n, 0) as expected, coalesce(e.n, 0) as events
    from reports as r
    left join event_counts as e using (report_id)
    left join superseded_clean as s using (report_id)
)
select
    'report ' || report_id || ' (' || status || '): ' || events || ' events but ' || expected
    || ' clean rows in current sections' as violation
from compared
where (status = 'loaded' and events != expected) or (status != 'loaded' and events > 0)
order by report_id;
