-- The current rows of some periods with their row keys and review corrections (`review`).
select c.period, c.report_id, c.row_index, rv.row_key, rv.corrections,
    c.* exclude (period, report_id, row_index)
from core.period_current_rows($periods) as c
join core.period_row_reviews($periods) as rv using (report_id, row_index)
order by c.period, c.report_id, c.row_index
