-- every loaded report's extracted rows are loaded or quarantined
with loaded as (
    select report_id, rows_extracted, rows_loaded, rows_quarantined
    from reports
    where status = 'loaded'
)
select
    'report ' || report_id || ': rows_extracted ' || rows_extracted || ' != rows_loaded ' || rows_loaded
    || ' + rows_quarantined ' || rows_quarantined as violation
from loaded
where rows_extracted != rows_loaded + rows_quarantined
order by report_id;
