-- What the compilation leaves out ($period, $region): rows of current reports kept out of
-- `events` by an error other than `duplicate_event` (a duplicate's event is in), with why.
with regional as (
    select report_id
    from reports
    where period = $period and region is not distinct from $region and status = 'loaded'
),
errors as (
    select f.report_id, f.row_index, f.message
    from flagged_rows as f
    join regional using (report_id)
    where f.quarantined and f.rule <> 'duplicate_event'
),
explained as (
    select report_id, row_index, string_agg(distinct message, '; ' order by message) as why
    from errors
    group by report_id, row_index
)
select r.municipality, r.seq_no, r.title, x.why
from explained as x
join extracted_rows as r using (report_id, row_index)
where not exists (select 1 from events as e where e.report_id = x.report_id and e.row_index = x.row_index)
order by r.municipality, r.seq_no, r.title;
