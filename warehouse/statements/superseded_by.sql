-- The reports whose sections in a quarter the given report superseded (migration 076's layer).
select distinct report_id
from core.period_section_versions([$period])
where superseded_by = $report_id
order by 1
