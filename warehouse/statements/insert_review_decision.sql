-- One review decision (`review`).
insert into core.review_decisions (row_key, decision, note, corrections, "by", "at",
    run_id, rules, report_id, row_index, period, municipality, seq_no, title)
values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
