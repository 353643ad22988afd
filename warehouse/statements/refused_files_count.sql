-- How many of the given files were refused for a reason that may read otherwise next time (`lookups`).
select count(*) from core.report_files as f join core.reports as r using (report_id)
where list_contains(?, r.reason) and list_contains(?, f.source_file)
    and list_contains(?, r.sha256)
