-- The current version of each report, with the earlier versions it replaced (those superseded by
-- it, and those superseded by a version it replaced in turn)
with recursive replaced(report_id, by_report) as (
    select report_id, superseded_by
    from reports
    where status = 'superseded' and superseded_by is not null
    union
    select r.report_id, s.superseded_by
    from replaced as r
    join reports as s on s.report_id = r.by_report
    where s.status = 'superseded' and s.superseded_by is not null
),
earlier as (
    select
        r.by_report as report_id,
        count(distinct r.report_id) as earlier_versions,
        string_agg(distinct o.source_file, '; ') as earlier_files
    from replaced as r
    join reports as o on o.report_id = r.report_id
    group by r.by_report
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
from reports as c
left join earlier as e on e.report_id = c.report_id
where c.status = 'loaded'
order by c.period, c.region, c.source_file;
