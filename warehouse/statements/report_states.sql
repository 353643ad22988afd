-- Each report's state now, as the `reports` view says (`lookups.report_states`).
select report_id, status, reason, message, rows_extracted, rows_loaded, rows_quarantined, period,
    region
from reports where list_contains(?, report_id)
