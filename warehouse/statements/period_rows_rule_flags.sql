-- The periods' current rows, each with its stored flags of one rule (`cross_row_flags`).
select c.period, c.report_id, c.row_index, f.flag_id, f.report_id, f.row_index, f.rule,
    f.severity, f.message, f.field, f.value, f.related_report_id, f.related_row_index
from core.period_current_rows($periods) as c left join core.flags as f
    on f.report_id = c.report_id and f.row_index = c.row_index and f.rule = $rule
