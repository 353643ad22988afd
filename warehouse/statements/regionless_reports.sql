-- Loaded reports of no region in the given quarters, with the municipalities of their sections
-- (one a review decision holds is left as it is by `assign_region`).
select r.report_id, r.period, list(distinct s.municipality order by s.municipality)
from core.reports as r
join core.report_sections as s using (report_id)
where r.status = 'loaded' and r.region is null and list_contains($periods, r.period)
    and s.municipality != ''
group by r.report_id, r.period
order by r.report_id
