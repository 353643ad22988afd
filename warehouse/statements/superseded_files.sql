-- Files held as they are whose report a later version superseded, with the superseding file
-- (`lookups.superseded_files`).
select f.source_file, r.sha256, s.source_file from core.report_files as f
join reports as r using (report_id) join reports as s on s.report_id = r.superseded_by
where r.status = 'superseded'
    and list_contains(?, f.source_file) and list_contains(?, r.sha256)
order by 1
