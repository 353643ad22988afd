-- at most one current section per region, period and municipality besides addenda' (an addendum
-- adds to the section before it, superseding none); a loaded report with sections
-- has a current one (a loaded report without rows covers nothing) and a superseded one has none
with versions as (
    select region, period, municipality, count(*) as n, string_agg(report_id, ', ' order by report_id) as ids
    from report_sections
    where status = 'current' and not adds
    group by region, period, municipality
),
per_report as (
    select report_id, bool_or(status = 'current') as any_current
    from report_sections
    group by report_id
),
mismatched as (
    select r.report_id, r.status, p.any_current
    from reports as r
    join per_report as p using (report_id)
    where r.status in ('loaded', 'superseded')
)
select
    'region ' || coalesce(region, '<none>') || ' period ' || coalesce(period, '<none>')
    || ' municipality ' || coalesce(municipality, '<none>') || ': ' || n || ' current reports (' || ids || ')'
    as violation
from versions
where n > 1
union all
select
    'report ' || report_id || ' (' || status || '): '
    || case when any_current then 'has a current section' else 'has no current section' end
from mismatched
where (status = 'loaded') != any_current
order by violation;
