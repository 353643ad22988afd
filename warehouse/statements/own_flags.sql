-- A report's flags, without the cross-row ones (`rereading`).
select flag_id, report_id, row_index, rule, severity, message, field, value,
    related_report_id, related_row_index from core.flags
where report_id = ? and not list_contains(?, rule)
