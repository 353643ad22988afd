-- The current version of each region and quarter, with how many earlier versions it replaced
with earlier as (
    select
        region,
        period,
        count(*) as earlier_versions,
        string_agg(source_file, '; ' order by ingested_at) as earlier_files
    from reports
    where status = 'superseded'
    group by region, period
),
current_versions as (
    select region, period, report_id, source_file, format, ingested_at, rows_extracted, rows_loaded, rows_quarantined
    from reports
    where status = 'loaded'
)
select
    c.region,
    c.period,
    c.report_id,
    c.source_file,
    c.format,
    c.ingested_at,
    c.rows_extracted,
    c.rows_loaded,
    c.rows_quarantined,
    coalesce(e.earlier_versions, 0) as earlier_versions,
    e.earlier_files
from current_versions as c
left join earlier as e on e.region is not distinct from c.region and e.period = c.period
order by c.period, c.region;
