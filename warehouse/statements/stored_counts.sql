-- The row counts of these reports only, as the `reports` view derives them (migration 002), and
-- whether a loaded one with rows lacks its enrichment.
with ids as (
    select unnest($ids::varchar[]) as report_id
),
extracted as (
    select report_id, count(*) as n
    from core.rows
    where report_id in (select report_id from ids)
    group by report_id
),
with_errors as (
    select e.report_id, count(*) as n
    from core.error_rows as e
    join core.rows as r using (report_id, row_index)
    where e.report_id in (select report_id from ids) and r.report_id in (select report_id from ids)
    group by e.report_id
),
enriched as (
    select distinct report_id
    from core.event_enrichment
    where report_id in (select report_id from ids)
)
select
    ids.report_id,
    coalesce(extracted.n, 0) as rows_extracted,
    coalesce(with_errors.n, 0) as with_errors,
    enriched.report_id is not null as enriched
from ids
left join extracted using (report_id)
left join with_errors using (report_id)
left join enriched using (report_id)
