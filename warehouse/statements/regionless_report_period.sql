-- A loaded or superseded report of no region and no review decision: its quarter and message
-- (`regions.assign_region`).
select period, message from core.reports where report_id = ? and region is null
    and status in ('loaded', 'superseded') and period is not null
    and not exists (select 1 from core.rows as w join core.review_decisions as d using (row_key)
    where w.report_id = ?)
