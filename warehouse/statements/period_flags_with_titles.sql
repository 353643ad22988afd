-- The quarters' flags first (the filter reaches the view's tables), then those of current rows, each
-- with its row's title (`event_title`), the event a reviewer looks for (`frames`).
with quarter_flags as (select * from flagged_rows where list_contains($periods, period))
select f.*, c.title as event_title from quarter_flags as f
join core.period_current_rows($periods) as c using (report_id, row_index)
