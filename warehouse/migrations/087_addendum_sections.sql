-- An addendum («Дополнение к отчёту …», interpret/addendum.py) adds events to its municipalities'
-- report of the quarter: its sections supersede none of theirs. A section is superseded by the next
-- section of the same region, period and municipality that is no addendum's; an addendum's own
-- sections too (a report sent whole again, corrected, supersedes the report and its addenda).
alter table core.report_sections add column adds boolean default false;

create or replace macro core.period_section_versions(periods) as table
with quarter_reports as (
    select report_id, region, period
    from core.period_reports(periods)
    where status != 'quarantined'
),
sections as (
    select s.report_id, rep.region, rep.period, s.municipality, s.version, coalesce(s.adds, false) as adds
    from quarter_reports as rep
    join core.report_sections as s using (report_id)
),
ordered as (
    select
        sections.*,
        first_value(case when not adds then report_id end ignore nulls) over (
            partition by region, period, municipality
            order by version
            rows between 1 following and unbounded following
        ) as next_report_id
    from sections
)
select report_id, region, period, municipality, version, next_report_id as superseded_by, adds
from ordered;

create or replace view report_sections as
with versions as (
    select * from core.section_versions
)
select
    report_id,
    region,
    period,
    municipality,
    case when superseded_by is null then 'current' else 'superseded' end as status,
    superseded_by,
    adds
from versions;
