-- The regions whose current reports hold events of a period ($period), for `muniflow compile`.
with current_reports as (
    select distinct region
    from reports
    where period = $period and status = 'loaded'
)
select region
from current_reports
order by region nulls last;
