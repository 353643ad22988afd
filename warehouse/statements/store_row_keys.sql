-- Store the row keys of a report's rows (`core.row_keys_computed`) (`flag_history.store_row_keys`).
update core.rows set row_key = k.row_key from core.row_keys_computed as k
where core.rows.report_id = ? and k.report_id = core.rows.report_id
    and k.row_index = core.rows.row_index
