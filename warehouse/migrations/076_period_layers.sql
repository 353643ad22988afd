-- Quarter-filterable layers (issue 18): which sections and rows are current, as table macros
-- over a list of quarters (NULL: every quarter). The quarter is picked first, from core.reports, so a per-quarter read (the duplicate rule, a load's
-- superseded sections, the quality report) costs what its quarter holds, not what the warehouse
-- holds. The views core.section_versions and core.current_rows keep their columns and meaning and
-- become these macros over every quarter: one definition of each layer.

-- The reports of the given quarters (NULL: every report, whatever its period).
create macro core.period_reports(periods) as table
select *
from core.reports
where periods is null or list_contains(periods, period);

-- 060's core.section_versions of the given quarters: each section with its successor, the next
-- version of the same region, period and municipality.
create macro core.period_section_versions(periods) as table
with quarter_reports as (
    select report_id, region, period
    from core.period_reports(periods)
    where status != 'quarantined'
),
sections as (
    select s.report_id, rep.region, rep.period, s.municipality, s.version
    from quarter_reports as rep
    join core.report_sections as s using (report_id)
),
ordered as (
    select
        sections.*,
        lead(report_id) over (partition by region, period, municipality order by version) as next_report_id
    from sections
)
select report_id, region, period, municipality, version, next_report_id as superseded_by
from ordered;

create or replace view core.section_versions as
with versions as (
    select * from core.period_section_versions(null)
)
select * from versions;

-- 062's core.current_rows of the given quarters: rows of current sections, and every row of a
-- loaded report with no sections at all.
create macro core.period_current_rows(periods) as table
with current_sections as (
    select report_id, period, municipality
    from core.period_section_versions(periods)
    where superseded_by is null
),
unsectioned as (
    select rep.report_id, rep.period
    from core.period_reports(periods) as rep
    where rep.status = 'loaded'
        and not exists (select 1 from core.report_sections as s where s.report_id = rep.report_id)
),
sectioned_rows as (
    select current_sections.period, r.*
    from current_sections
    join core.rows as r using (report_id, municipality)
),
unsectioned_rows as (
    select unsectioned.period, r.*
    from unsectioned
    join core.rows as r using (report_id)
)
select * from sectioned_rows
union all by name
select * from unsectioned_rows;

create or replace view core.current_rows as
with current as (
    select * from core.period_current_rows(null)
)
select * from current;

-- core.row_reviews (070) of the reports of the given quarters: each row's key and latest decision.
-- The quarter's report ids are picked first, so the rows are found by report (the primary key).
create macro core.period_row_reviews(periods) as table
with quarter_reports as (
    select report_id from core.period_reports(periods)
)
select rv.*
from core.row_reviews as rv
where rv.report_id in (select report_id from quarter_reports);
