-- A municipality's sections are versions of each other under its version key
-- (interpret/muni_renamed.py): «Энский район» and «Энский муниципальный округ» are one municipality
-- whose kind changed, so a report re-issued under the new kind supersedes the one sent under the
-- old. Sections stored before keep their municipality as their key.
alter table core.report_sections add column version_key varchar;

create or replace macro core.period_section_versions(periods) as table
with quarter_reports as (
    select report_id, region, period
    from core.period_reports(periods)
    where status != 'quarantined'
),
sections as (
    select
        s.report_id,
        rep.region,
        rep.period,
        s.municipality,
        s.version,
        coalesce(s.adds, false) as adds,
        coalesce(s.version_key, s.municipality) as version_key
    from quarter_reports as rep
    join core.report_sections as s using (report_id)
),
ordered as (
    select
        sections.*,
        first_value(case when not adds then report_id end ignore nulls) over (
            partition by region, period, version_key
            order by version
            rows between 1 following and unbounded following
        ) as next_report_id
    from sections
)
select report_id, region, period, municipality, version, next_report_id as superseded_by, adds, version_key
from ordered;
