-- Reports a run recorded or saw outside the given quarters, or of no quarter (`frames.read_views`).
with seen as (select report_id from core.reports where run_id = $run
    union select report_id from core.report_files where first_run_id = $run)
select report_id from seen join core.reports using (report_id)
where period is null or not list_contains($wanted, period)
