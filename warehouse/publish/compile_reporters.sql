-- Municipalities of a quarter ($period, $region) that are expected but sent nothing, or sent a
-- nil report, from the `reporting_status` view.
select municipality, status
from reporting_status
where period = $period and region is not distinct from $region and status in ('missing', 'nil')
order by status, municipality;
