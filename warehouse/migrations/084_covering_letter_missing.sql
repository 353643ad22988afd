-- 083's reporting_status, but a covering letter alone (refused as `covering_letter`: a letter that
-- sends a report the file does not hold) leaves its municipality `missing`, the letter's report and
-- arrival shown as the note on that row; any other file of the municipality, loaded or quarantined,
-- goes before it.
create or replace macro core.period_reporting_status(periods) as table
with expected as (
    select region, municipality from core.expected_municipalities
),
sole_region as (
    select municipality, min(region) as region
    from expected
    group by municipality
    having count(*) = 1
),
quarter_reports as (
    select * from core.period_reports(periods)
),
coverage as (
    select * from core.period_report_coverage(periods)
),
current_sections as (
    select report_id, municipality
    from core.period_section_versions(periods)
    where superseded_by is null and municipality <> ''
),
-- a loaded report without sections (not written by the loader) is current whole, as in 062
unsectioned_coverage as (
    select cov.report_id, cov.municipality
    from coverage as cov
    join quarter_reports as rep using (report_id)
    where rep.status = 'loaded'
        and not exists (select 1 from core.report_sections as s where s.report_id = rep.report_id)
),
quarantined_coverage as (
    select cov.report_id, cov.municipality
    from coverage as cov
    join quarter_reports as rep using (report_id)
    where rep.status = 'quarantined'
),
-- a quarantined file of no rows (refused whole: no table, a layout not understood) covers the
-- municipality its title names
titled_coverage as (
    select
        rep.report_id,
        rep.title_municipality as municipality,
        case when rep.reason = 'covering_letter' then 2 else 1 end as rank_status
    from quarter_reports as rep
    where rep.status = 'quarantined'
        and coalesce(rep.title_municipality, '') <> ''
        and not exists (select 1 from coverage as cov where cov.report_id = rep.report_id)
),
covering as (
    select report_id, municipality, 0 as rank_status from current_sections
    union all
    select report_id, municipality, 0 as rank_status from unsectioned_coverage
    union all
    select report_id, municipality, 1 as rank_status from quarantined_coverage
    union all
    select report_id, municipality, rank_status from titled_coverage
),
received as (
    select
        coalesce(rep.region, sole_region.region) as region,
        rep.period,
        covering.municipality,
        rep.report_id,
        rep.ingested_at as received_at,
        case
            when covering.rank_status = 2 then 'missing'
            when covering.rank_status = 1 then 'quarantined'
            when coalesce(cov.rows_read, 0) > 0 then 'reported'
            else 'nil'
        end as status,
        covering.rank_status
    from covering
    join quarter_reports as rep using (report_id)
    left join coverage as cov using (report_id, municipality)
    left join sole_region on sole_region.municipality = covering.municipality
    where rep.period is not null
),
ranked as (
    select
        *,
        -- the current version first, then the newest quarantined file, then a covering letter
        row_number() over (
            partition by region, period, municipality
            order by rank_status, received_at desc, report_id
        ) as pick
    from received
),
best as (
    select region, period, municipality, status, report_id, received_at
    from ranked
    where pick = 1
),
quarters as (
    select distinct region, period from received where region is not null
    union
    select distinct region, core.last_ended_quarter(current_date) from expected
),
missing as (
    select e.region, q.period, e.municipality, 'missing' as status, null as report_id, null as received_at
    from expected as e
    join quarters as q using (region)
    where not exists (
        select 1 from best as b
        where b.region = e.region and b.period = q.period and b.municipality = e.municipality
    )
),
combined as (
    select * from best
    union all
    select * from missing
)
select
    c.region,
    c.period,
    c.municipality,
    c.status,
    c.report_id,
    cast(c.received_at as timestamp) as received_at,
    exists (
        select 1 from expected as e where e.region = c.region and e.municipality = c.municipality
    ) as expected
from combined as c
where periods is null or list_contains(periods, c.period);

create or replace view reporting_status as
with status as (
    select * from core.period_reporting_status(null)
)
select * from status;
