-- Versions per (region, period, municipality). A loaded report covers the municipalities of its
-- rows (muniflow.warehouse.sections.covered_municipalities): one section each. For each region
-- and quarter, the section of the latest report covering a municipality is current for it, so
-- municipal reports and a regional compilation coexist, a later compilation supersedes the
-- sections it covers and a re-issued municipal report supersedes only its own. Region is part of
-- the key: a report of unknown region (NULL) never supersedes, and is never superseded by, one of
-- a known region; reports of unknown region version among themselves per municipality.

-- The extraction fingerprint (muniflow.codeversion.code_version()) of the code and contracts that
-- read the file; NULL for reports loaded before it was recorded. `muniflow reprocess` compares it.
alter table core.reports add column code_version varchar;

-- One row per (report, municipality it covers). `version` is the report's load order (the same
-- for all its sections): the highest version of a (region, period, municipality) is current.
create table core.report_sections (
    report_id varchar not null,
    municipality varchar not null,
    version bigint not null,
    primary key (report_id, municipality)
);

-- Existing loaded and superseded reports become sections in the order they were ingested.
insert into core.report_sections
with ordered as (
    select report_id, row_number() over (order by ingested_at, report_id) as version
    from core.reports
    where status in ('loaded', 'superseded')
),
covered as (
    select distinct report_id, municipality
    from core.rows
    where municipality is not null
)
select covered.report_id, covered.municipality, ordered.version
from covered
join ordered using (report_id);

-- Each section with its successor: the next version of the same region, period and municipality.
create view core.section_versions as
with sections as (
    select s.report_id, rep.region, rep.period, s.municipality, s.version
    from core.report_sections as s
    join core.reports as rep using (report_id)
    where rep.status != 'quarantined'
),
ordered as (
    select
        sections.*,
        lead(report_id) over (partition by region, period, municipality order by version) as next_report_id
    from sections
)
select report_id, region, period, municipality, version, next_report_id as superseded_by
from ordered;

-- Rows are current when their (report, municipality) section is current.
create or replace view core.current_rows as
with current_sections as (
    select report_id, period, municipality
    from core.section_versions
    where superseded_by is null
)
select current_sections.period, r.*
from core.rows as r
join current_sections using (report_id, municipality);

create view report_sections as
with versions as (
    select * from core.section_versions
)
select
    report_id,
    region,
    period,
    municipality,
    case when superseded_by is null then 'current' else 'superseded' end as status,
    superseded_by
from versions;

-- Reports wholly superseded under whole-report versions may hold the current section of a
-- municipality no later report covers: they are loaded again (the successor named is the latest
-- report that superseded one of their sections).
update core.reports as rep
set status = s.status, superseded_by = s.superseded_by
from (
    with per_report as (
        select
            v.report_id,
            bool_or(v.superseded_by is null) as any_current,
            max_by(v.superseded_by, successor.version) as latest_successor
        from core.section_versions as v
        left join core.report_sections as successor
            on successor.report_id = v.superseded_by and successor.municipality = v.municipality
        group by v.report_id
    )
    select
        report_id,
        case when any_current then 'loaded' else 'superseded' end as status,
        case when any_current then null else latest_successor end as superseded_by
    from per_report
) as s
where rep.report_id = s.report_id
    and (rep.status != s.status or rep.superseded_by is distinct from s.superseded_by);
