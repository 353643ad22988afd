-- A row's key no longer holds its № (seq_text): a re-issued report whose clerk took out a wrong row
-- renumbers every row after it, and each of them, its cells unchanged, got a new key, so the
-- analyst's decisions on them turned stale and their flags opened again (analyst sweep). The key is
-- region, period and the row's other raw cells; identical rows of one report are still told apart
-- by their occurrence index. Python computes the same (`muniflow.warehouse.row_keys`).

create or replace view core.row_keys_computed as
with located as (
    select
        r.report_id,
        r.row_index,
        md5(concat_ws(
            chr(31),
            coalesce(rep.region, ''),
            coalesce(rep.period, ''),
            coalesce(r.municipality_raw, ''),
            coalesce(r.title_raw, ''),
            coalesce(r.place_raw, ''),
            coalesce(r.date_text, ''),
            coalesce(r.goal_raw, ''),
            coalesce(r.participants_raw, '')
        )) as content
    from core.rows as r
    join core.reports as rep using (report_id)
),
numbered as (
    select
        report_id,
        row_index,
        content,
        row_number() over (partition by report_id, content order by row_index) - 1 as occurrence
    from located
)
select report_id, row_index, 'r' || left(md5(content || ':' || occurrence), 15) as row_key
from numbered;

-- Each decision, and each run's kept picture, re-keyed to the new key of the row it was taken on
-- (its report and row index) while that row still holds the decided key (a report re-read since
-- may hold another row there: that decision keeps its key). So a decision in force stays in force,
-- and one gone stale stays stale unless its row only changed its №. Then every stored key again.
create temporary table rekeyed as
select r.report_id, r.row_index, r.row_key as old_key, k.row_key as new_key
from core.rows as r
join core.row_keys_computed as k using (report_id, row_index)
where r.row_key is not null;

update core.review_decisions
set row_key = m.new_key
from rekeyed as m
where core.review_decisions.report_id = m.report_id
    and core.review_decisions.row_index = m.row_index
    and core.review_decisions.row_key = m.old_key;

update core.flag_history
set row_key = m.new_key
from rekeyed as m
where core.flag_history.report_id = m.report_id
    and core.flag_history.row_index = m.row_index
    and core.flag_history.row_key = m.old_key;

update core.rows
set row_key = k.row_key
from core.row_keys_computed as k
where core.rows.report_id = k.report_id and core.rows.row_index = k.row_index;

drop table rekeyed;

create or replace view core.row_keys as
with unkeyed as (
    select distinct report_id
    from core.rows
    where row_key is null
),
stored as (
    select report_id, row_index, row_key
    from core.rows
    where row_key is not null
),
located as (
    select
        r.report_id,
        r.row_index,
        md5(concat_ws(
            chr(31),
            coalesce(rep.region, ''),
            coalesce(rep.period, ''),
            coalesce(r.municipality_raw, ''),
            coalesce(r.title_raw, ''),
            coalesce(r.place_raw, ''),
            coalesce(r.date_text, ''),
            coalesce(r.goal_raw, ''),
            coalesce(r.participants_raw, '')
        )) as content
    from core.rows as r
    join core.reports as rep using (report_id)
    where r.report_id in (select report_id from unkeyed)
),
computed as (
    select
        report_id,
        row_index,
        'r' || left(md5(
            content || ':' || (row_number() over (partition by report_id, content order by row_index) - 1)
        ), 15) as row_key
    from located
)
select * from stored
union all
select * from computed;
