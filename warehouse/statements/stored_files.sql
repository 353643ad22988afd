-- Which of the files the warehouse holds (a path and content it has seen together).
select f.source_file, r.sha256, r.report_id, r.status, r.format, list_contains($retry::varchar[], r.reason)
from core.report_files as f
join core.reports as r using (report_id)
where list_contains($paths::varchar[], f.source_file) and list_contains($hashes::varchar[], r.sha256)
