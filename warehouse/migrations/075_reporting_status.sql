-- Who has reported a quarter: nil sections («мероприятия не проводились»), the expected reporters
-- (contracts/reporting.yaml, synced by muniflow.warehouse.reporting) and `reporting_status`, built
-- on the current sections of `report_sections` (060, 062) and the quarantined files.

-- A municipality whose section of a report says no events were held (Report.nil_municipalities).
create table core.nil_sections (
    report_id varchar not null,
    municipality varchar not null,
    primary key (report_id, municipality)
);

-- The expected reporters of each region, as contracts/reporting.yaml lists them (a copy, replaced
-- whenever the contract changes).
create table core.expected_municipalities (
    region varchar not null,
    municipality varchar not null,
    primary key (region, municipality)
);

-- The quarter that ended last before a day, e.g. '2025Q3' for any day of October 2025.
create macro core.last_ended_quarter(day) as
    cast(year(date_trunc('quarter', day) - interval 1 day) as varchar)
    || 'Q' || cast(quarter(date_trunc('quarter', day) - interval 1 day) as varchar);

-- Each municipality each report covers: its event rows' municipalities and its nil sections.
create view core.report_coverage as
with from_rows as (
    select report_id, municipality, count(*) as rows_read
    from core.rows
    where coalesce(municipality, '') <> ''
    group by report_id, municipality
),
from_nil as (
    select report_id, municipality, 0 as rows_read
    from core.nil_sections
),
covered as (
    select * from from_rows
    union all
    select * from from_nil
)
select report_id, municipality, sum(rows_read) as rows_read
from covered
group by report_id, municipality;

create view reporting_status as
with expected as (
    select region, municipality from core.expected_municipalities
),
-- a municipality on exactly one region's list places a report whose title names no region
sole_region as (
    select municipality, min(region) as region
    from expected
    group by municipality
    having count(*) = 1
),
-- the current section of each (region, period, municipality), and what quarantined files cover
current_sections as (
    select report_id, municipality
    from report_sections
    where status = 'current' and municipality <> ''
),
-- a loaded report without sections (not written by the loader) is current whole, as in 062
unsectioned_coverage as (
    select cov.report_id, cov.municipality
    from core.report_coverage as cov
    join core.reports as rep using (report_id)
    where rep.status = 'loaded'
        and not exists (select 1 from core.report_sections as s where s.report_id = rep.report_id)
),
quarantined_coverage as (
    select cov.report_id, cov.municipality
    from core.report_coverage as cov
    join core.reports as rep using (report_id)
    where rep.status = 'quarantined'
),
covering as (
    select report_id, municipality, 0 as rank_status from current_sections
    union all
    select report_id, municipality, 0 as rank_status from unsectioned_coverage
    union all
    select report_id, municipality, 1 as rank_status from quarantined_coverage
),
received as (
    select
        coalesce(rep.region, sole_region.region) as region,
        rep.period,
        covering.municipality,
        rep.report_id,
        rep.ingested_at as received_at,
        case
            when covering.rank_status = 1 then 'quarantined'
            when coalesce(cov.rows_read, 0) > 0 then 'reported'
            else 'nil'
        end as status,
        covering.rank_status
    from covering
    join core.reports as rep using (report_id)
    left join core.report_coverage as cov using (report_id, municipality)
    left join sole_region on sole_region.municipality = covering.municipality
    where rep.period is not null
),
ranked as (
    select
        *,
        -- the current version first, then the newest quarantined file
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
periods as (
    select distinct region, period from received where region is not null
    union
    select distinct region, core.last_ended_quarter(current_date) from expected
),
missing as (
    select e.region, p.period, e.municipality, 'missing' as status, null as report_id, null as received_at
    from expected as e
    join periods as p using (region)
    where not exists (
        select 1 from best as b
        where b.region = e.region and b.period = p.period and b.municipality = e.municipality
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
from combined as c;
