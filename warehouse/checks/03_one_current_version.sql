-- at most one current (loaded) report per region and period
with versions as (
    select region, period, count(*) as n, string_agg(report_id, ', ' order by report_id) as ids
    from reports
    where status = 'loaded'
    group by region, period
)
select
    'region ' || coalesce(region, '<none>') || ' period ' || coalesce(period, '<none>') || ': '
    || n || ' current reports (' || ids || ')' as violation
from versions
where n > 1
order by region, period;
