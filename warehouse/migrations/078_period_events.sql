-- `events` of given quarters (issue 18): the public view joined each event to its enrichment by
-- hashing the whole core.event_enrichment table, even when a filter left a quarter's few events
-- (most of the quality report's time on a large warehouse). core.period_events picks the
-- quarters' reports first and reads only their enrichment; `events` is it over every quarter,
-- with the same columns (070 + 051) and meaning.
create macro core.period_events(periods) as table
with base as (
    select *
    from core.event_base
    where periods is null or list_contains(periods, period)
),
enriched as (
    select report_id, row_index, partner_countries, settlements, format, is_online
    from core.event_enrichment
    where periods is null or report_id in (select report_id from core.period_reports(periods))
)
select
    base.*,
    enriched.partner_countries,
    enriched.settlements,
    enriched.format,
    enriched.is_online
from base
left join enriched using (report_id, row_index);

create or replace view events as
with quarters as (
    select * from core.period_events(null)
)
select * from quarters;
