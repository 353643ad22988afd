-- `flagged_rows` keeps the flags of superseded versions as history, and telling them apart needed a
-- join with core.current_rows, an internal table: an analyst counting quarantined rows per
-- municipality counted a row of the report's first version beside its re-issue (analyst sweep).
-- The view gains `is_current`, last: the row is a row of a current section (in `events` or
-- quarantined now). Same columns otherwise, same meaning (070).

create or replace view flagged_rows as
with located as (
    select
        f.*,
        r.source_file as row_source_file,
        r.source_locator,
        r.seq_no,
        r.municipality,
        rep.source_file as report_source_file,
        rep.period,
        rep.status as report_status
    from core.flags as f
    left join core.rows as r using (report_id, row_index)
    left join core.reports as rep using (report_id)
),
reviewed as (
    select
        located.*,
        rv.row_key,
        rv.decision,
        rv.reviewed_by,
        rv.reviewed_at,
        coalesce(core.decision_covers(rv.decision, rv.decided_rules, located.rule, located.severity), false)
            as decided,
        exists (
            select 1 from core.error_rows as e
            where e.report_id = located.report_id and e.row_index = located.row_index
        ) as kept_out
    from located
    left join core.row_reviews as rv using (report_id, row_index)
)
select
    run_id,
    report_id,
    coalesce(row_source_file, report_source_file) as source_file,
    source_locator,
    seq_no,
    municipality,
    rule,
    severity,
    message,
    field,
    value,
    kept_out and (severity = 'error' or coalesce(decision = 'reject', false)) as quarantined,
    case
        when related_report_id is not null then core.event_id(related_report_id, related_row_index)
    end as related_event_id,
    row_index,
    period,
    report_status,
    row_key,
    case when decided then decision end as review_decision,
    case when decided then reviewed_by end as reviewed_by,
    case when decided then reviewed_at end as reviewed_at,
    exists (
        select 1 from core.current_rows as c
        where c.report_id = reviewed.report_id and c.row_index = reviewed.row_index
    ) as is_current
from reviewed;
