-- Co-reported events: every municipality that reported an event. The host's copy is the event
-- (as in `events`); a copy another municipality reported, quarantined as its `duplicate_event`,
-- is that municipality's participation. A copy decided `distinct` is an event of its own, one
-- decided `reject` is no participation.
create view event_municipalities as
with hosts as (
    select event_id, municipality, report_id, seq_no, row_key
    from core.event_base
),
co_reports as (
    select
        f.related_event_id as event_id,
        f.municipality,
        f.report_id,
        f.seq_no,
        f.row_key
    from flagged_rows as f
    join core.current_rows as c using (report_id, row_index)
    where f.rule = 'duplicate_event'
        and f.quarantined
        and f.review_decision is distinct from 'reject'
        and f.related_event_id is not null
),
participants as (
    select co.*
    from co_reports as co
    join hosts as h using (event_id)
    where co.municipality is distinct from h.municipality
    qualify row_number() over (partition by co.event_id, co.municipality order by co.report_id, co.seq_no) = 1
),
listed as (
    select event_id, municipality, 'host' as role, report_id, seq_no, row_key from hosts
    union all
    select event_id, municipality, 'participant' as role, report_id, seq_no, row_key from participants
)
select event_id, municipality, role, report_id, seq_no, row_key
from listed;
