-- The stored flags of one rule on the current rows of some periods (`expected.stale_periods`).
select c.period, f.report_id, f.row_index, f.severity, f.message, f.field, f.value
from core.period_current_rows($periods) as c
join core.flags as f using (report_id, row_index)
where f.rule = $rule
