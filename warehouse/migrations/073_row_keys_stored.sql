-- Row keys stored with the rows (the loader fills them on insert), so views no longer hash every
-- row and rank identical ones on each query. Rows stored without a key (written by code that does
-- not fill it) still get theirs computed, per report, by `core.row_keys`.
alter table core.rows add column row_key varchar;

-- The definition of 070's core.row_keys: region, period, raw cell texts, occurrence index.
create view core.row_keys_computed as
with located as (
    select
        r.report_id,
        r.row_index,
        md5(concat_ws(
            chr(31),
            coalesce(rep.region, ''),
            coalesce(rep.period, ''),
            coalesce(r.seq_text, ''),
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

update core.rows
set row_key = k.row_key
from core.row_keys_computed as k
where core.rows.report_id = k.report_id and core.rows.row_index = k.row_index;

-- Stored keys, and computed ones for the reports that have rows without (filtered before hashing).
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
            coalesce(r.seq_text, ''),
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
