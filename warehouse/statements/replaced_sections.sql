-- For each superseding report, the reports it superseded sections of and the municipalities
-- (`lookups.replaced_sections`).
select s.superseded_by, r.source_file, r.status, list(s.municipality order by s.municipality)
from report_sections as s join reports as r using (report_id)
where list_contains(?, s.superseded_by)
group by all order by 1, 2
