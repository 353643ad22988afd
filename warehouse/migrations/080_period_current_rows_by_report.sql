-- core.period_current_rows (076) without reading every report's sections: a loaded report of the
-- quarters has no sections when it is not among the quarters' section versions (076's `not exists`
-- over core.report_sections was a mark join scanning the sections of the whole warehouse, so the
-- duplicate rule's read of a quarter grew with the warehouse). Same rows, same columns.
create or replace macro core.period_current_rows(periods) as table
with current_sections as (
    select report_id, period, municipality
    from core.period_section_versions(periods)
    where superseded_by is null
),
unsectioned as (
    select rep.report_id, rep.period
    from core.period_reports(periods) as rep
    where rep.status = 'loaded'
        and rep.report_id not in (select report_id from core.period_section_versions(periods))
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
