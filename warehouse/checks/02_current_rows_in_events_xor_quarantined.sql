-- every row of a current report is in events or quarantined in flagged_rows, never both or neither
with in_events as (
    select distinct report_id, row_index from events
),
quarantined as (
    select distinct report_id, row_index from flagged_rows where quarantined
),
placed as (
    select
        c.report_id,
        c.row_index,
        e.report_id is not null as is_event,
        q.report_id is not null as is_quarantined
    from core.current_rows as c
    left join in_events as e using (report_id, row_index)
    left join quarantined as q using (report_id, row_index)
)
select
    'row ' || report_id || '#' || row_index || ': '
    || case when is_event then 'in events and quarantined' else 'neither in events nor quarantined' end
    as violation
from placed
where is_event = is_quarantined
order by report_id, row_index;
