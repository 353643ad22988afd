-- Flagged rows of current sections per rule, severity and municipality; quarantined = kept out of events
with current_sections as (
    select report_id, municipality
    from report_sections
    where status = 'current'
),
current_flags as (
    select f.rule, f.severity, f.municipality, f.report_id, f.row_index, f.quarantined
    from flagged_rows as f
    join current_sections using (report_id, municipality)
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
