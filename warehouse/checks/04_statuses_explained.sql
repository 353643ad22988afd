-- a quarantined report says why; a superseded report names an existing successor
with unexplained as (
    select r.report_id, r.status, r.superseded_by, newer.report_id as successor
    from reports as r
    left join reports as newer on newer.report_id = r.superseded_by
    where (r.status = 'quarantined' and r.reason is null)
        or (r.status = 'superseded' and newer.report_id is null)
)
select
    'report ' || report_id || ': ' || case
        when status = 'quarantined' then 'quarantined without a reason'
        else 'superseded by unknown report ' || coalesce(superseded_by, '<none>')
    end as violation
from unexplained
order by report_id;
