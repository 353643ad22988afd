-- The periods of the reports the given runs recorded or superseded (`liveness.mark_aborted`).
select distinct period from core.reports as r
where period is not null and (list_contains(?, r.run_id) or r.superseded_by in
    (select report_id from core.reports where list_contains(?, run_id)))
