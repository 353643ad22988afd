-- What a load asks before it writes (`load_report`), as scalar subqueries (a DuckDB statement
-- costs more to plan than to run here: no joins to order). The content is looked up by its unique
-- sha256 and the slot by its quarter, so the cost stays flat as the warehouse grows.
select
    (select status from core.reports where sha256 = $sha256) as status_seen,
    coalesce(
        (select list_contains($retry::varchar[], reason) from core.reports where sha256 = $sha256), false
    ) as of_its_run,
    coalesce(
        list_has_any($keys::varchar[], (select list(row_key) from core.review_decisions)), false
    ) as decided,
    (
        select count(*) > 0 from core.reports
        where period = $period and region is not distinct from $region
            and status != 'quarantined' and sha256 != $sha256
    ) as slot_taken,
    (select coalesce(max(version), 0) + 1 from core.report_sections) as next_version
