-- The current rows of some periods (all when NULL) with their municipality and region
-- (`expected.wanted_flags`).
select c.period, c.report_id, c.row_index, c.municipality, c.municipality_raw, r.region
from core.period_current_rows($periods) as c
join core.reports as r using (report_id)
order by c.period, c.report_id, c.row_index
