-- The flags of current rows with their decisions, kept as the end of a run
-- (`flag_history.snapshot_flags`).
insert into core.flag_history
select ?, f.report_id, f.row_index, f.row_key, f.rule, f.severity, f.message, f.field,
    f.value, f.related_event_id, f.quarantined, f.review_decision, f.reviewed_by,
    f.reviewed_at, f.run_id
from flagged_rows as f join core.current_rows as c using (report_id, row_index)
