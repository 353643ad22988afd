-- A status or remark column of a report («Статус», «Отметка о проведении», «Примечание») is read
-- into the row as written: the `not_held` rule reads it as it reads the date cell («отменено»,
-- «перенесено», «не состоялось»). Rows stored before hold ''. `extracted_rows` shows it last.
alter table core.rows add column status_text varchar default '';
alter table core.previous_rows add column status_text varchar default '';

create or replace view extracted_rows as
with located as (
    select r.*, rep.period, rep.status as report_status
    from core.rows as r
    join core.reports as rep using (report_id)
)
select
    report_id,
    source_file,
    source_locator,
    seq_no,
    municipality,
    title,
    place,
    date_text,
    start_date,
    end_date,
    goal,
    participants,
    row_index,
    seq_text,
    municipality_raw,
    title_raw,
    place_raw,
    goal_raw,
    participants_raw,
    date_form,
    period,
    report_status,
    status_text
from located;
