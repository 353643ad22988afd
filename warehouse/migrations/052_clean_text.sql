-- Normalized texts for `events`: words that mix Latin and Cyrillic letters fixed to one script
-- (a Roman numeral typed with a Cyrillic Х becomes Latin). `extracted_rows` keeps the texts as
-- extracted; the `mixed_script` flag says where they differ.
alter table core.rows add column title_clean varchar;
alter table core.rows add column place_clean varchar;
alter table core.rows add column goal_clean varchar;
alter table core.rows add column participants_clean varchar;

create or replace view core.event_base as
with clean_rows as (
    select c.*
    from core.current_rows as c
    where not exists (
        select 1
        from core.error_rows as e
        where e.report_id = c.report_id and e.row_index = c.row_index
    )
)
select
    core.event_id(report_id, row_index) as event_id,
    report_id,
    period,
    municipality,
    seq_no,
    coalesce(title_clean, title) as title,
    coalesce(place_clean, place) as place,
    start_date,
    end_date,
    coalesce(goal_clean, goal) as goal,
    coalesce(participants_clean, participants) as participants,
    source_file,
    source_locator,
    row_index,
    date_text,
    date_form
from clean_rows;
