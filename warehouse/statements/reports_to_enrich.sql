-- Loaded reports (all, or the one given) with rows but no enrichment yet (`loader.enrich_missing`).
select report_id, region from core.reports as rep where status = 'loaded'
    and (? is null or report_id = ?)
    and exists (select 1 from core.rows as r where r.report_id = rep.report_id)
    and not exists (select 1 from core.event_enrichment as e where e.report_id = rep.report_id)
order by report_id
