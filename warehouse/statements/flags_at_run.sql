-- A run's flag snapshot in the columns of `flagged_rows` (`flag_history.flags_at`).
select h.raised_by_run as run_id, h.report_id, r.source_file, r.source_locator, r.seq_no,
    r.municipality, h.rule, h.severity, h.message, h.field, h.value, h.quarantined,
    h.related_event_id, h.row_index, rep.period, 'loaded' as report_status, h.row_key,
    h.review_decision, h.reviewed_by, h.reviewed_at, r.title as event_title
from core.flag_history as h
left join core.rows as r using (report_id, row_index)
left join core.reports as rep using (report_id)
where h.run_id = ?
order by h.report_id, h.row_index, h.rule
