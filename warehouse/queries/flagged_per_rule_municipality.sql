-- Flagged rows of current reports per rule, severity and municipality; quarantined = kept out of events
with current_flags as (
    select rule, severity, municipality, report_id, row_index, quarantined
    from flagged_rows
    where report_status = 'loaded'
)
select
    rule,
    severity,
    municipality,
    count(distinct (report_id, row_index)) as flagged_rows,
    count(distinct (report_id, row_index)) filter (where quarantined) as quarantined_rows
from current_flags
group by rule, severity, municipality
order by rule, severity, flagged_rows desc, municipality;
