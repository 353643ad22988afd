-- Distinct signed documents per quarter and kind (a document counts in each quarter whose events mention it)
with per_quarter as (
    select distinct e.period, a.agreement_id, a.kind
    from agreements as a
    join events as e using (event_id)
)
select period, kind, count(*) as agreements
from per_quarter
group by period, kind
order by period, kind;
