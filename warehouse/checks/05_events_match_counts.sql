-- the events of a loaded report number its rows_loaded; other reports have no events
with event_counts as (
    select report_id, count(*) as n from events group by report_id
),
compared as (
    select r.report_id, r.status, r.rows_loaded, coalesce(e.n, 0) as events
    from reports as r
    left join event_counts as e using (report_id)
)
select
    'report ' || report_id || ' (' || status || '): ' || events || ' events but rows_loaded '
    || rows_loaded as violation
from compared
where (status = 'loaded' and events != rows_loaded) or (status != 'loaded' and events > 0)
order by report_id;
