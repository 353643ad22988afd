-- A report's status from its sections: loaded while any is current, else superseded by the latest
-- report that superseded one of them. Only loaded and superseded reports have sections.
update core.reports as rep
set status = s.status, superseded_by = s.superseded_by
from (
    with per_report as (
        select
            v.report_id,
            bool_or(v.superseded_by is null) as any_current,
            max_by(v.superseded_by, successor.version) as latest_successor
        from core.period_section_versions([?]) as v
        left join core.report_sections as successor
            on successor.report_id = v.superseded_by
            and coalesce(successor.version_key, successor.municipality) = v.version_key
        group by v.report_id
    )
    select
        report_id,
        case when any_current then 'loaded' else 'superseded' end as status,
        case when any_current then null else latest_successor end as superseded_by
    from per_report
) as s
where rep.report_id = s.report_id
    and (rep.status != s.status or rep.superseded_by is distinct from s.superseded_by)
