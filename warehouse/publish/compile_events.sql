-- The clean events of a region's quarter ($period, $region; a NULL region means "not known"),
-- as `muniflow compile` writes them.
with regional as (
    select report_id, region
    from reports
    where period = $period and region is not distinct from $region
)
select
    e.event_id,
    e.municipality,
    e.title,
    e.place,
    e.start_date,
    e.end_date,
    e.date_form,
    e.goal,
    e.participants,
    e.report_id,
    e.row_index
from events as e
join regional using (report_id)
order by e.municipality, e.report_id, e.row_index;
