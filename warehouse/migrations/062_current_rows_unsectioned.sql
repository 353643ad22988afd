-- Rows are current when their (report, municipality) section is current (060). A loaded report
-- with no sections at all — written into core.reports by something other than the loader, which
-- records sections for every report it loads — is current whole, as before sections existed.
create or replace view core.current_rows as
with current_sections as (
    select report_id, period, municipality
    from core.section_versions
    where superseded_by is null
),
unsectioned as (
    select rep.report_id, rep.period
    from core.reports as rep
    where rep.status = 'loaded'
        and not exists (select 1 from core.report_sections as s where s.report_id = rep.report_id)
),
sectioned_rows as (
    select current_sections.period, r.*
    from core.rows as r
    join current_sections using (report_id, municipality)
),
unsectioned_rows as (
    select unsectioned.period, r.*
    from core.rows as r
    join unsectioned using (report_id)
)
select * from sectioned_rows
union all by name
select * from unsectioned_rows;
