-- Municipalities that also reported an event of the quarter: the quarantined copies pointing to
-- it through `duplicate_event` ($period).
with copies as (
    select related_event_id as event_id, municipality
    from flagged_rows
    where rule = 'duplicate_event' and quarantined and period = $period and related_event_id is not null
)
select distinct event_id, municipality
from copies
order by event_id, municipality;
