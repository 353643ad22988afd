-- The analyst's review decisions on flagged rows (muniflow review): an append-only table, the
-- content-derived row key they attach to, and the layers they change: `core.error_rows` (which
-- rows are kept out of events), `core.event_base` (corrected values, review_status),
-- `flagged_rows` (each flag's decision). Documented in warehouse/SCHEMA.md.

create sequence core.review_decision_seq;

-- One decision per line of an applied review file; never updated or deleted. The latest per
-- row_key wins. The row's identity at decision time (report, row, rules, title) is kept so a
-- decision whose row changed can be shown as stale.
create table core.review_decisions (
    decision_id bigint primary key default nextval('core.review_decision_seq'),
    row_key varchar not null,
    decision varchar not null check (decision in ('accept', 'release', 'reject', 'distinct')),
    note varchar,
    corrections struct(
        title varchar, place varchar, start_date date, end_date date, municipality varchar
    ),
    "by" varchar not null,
    "at" timestamp not null,       -- UTC
    run_id varchar,
    rules varchar[] not null,      -- the rules flagged on the row when decided: what it covers
    report_id varchar,
    row_index integer,
    period varchar,
    municipality varchar,
    seq_no integer,
    title varchar
);

-- A row's key: region, period, its raw cell texts and, for identical rows of one report, an
-- occurrence index. Content only, so re-reading a file or a re-issued report keeps the key of
-- every unchanged row. The leading 'r' keeps spreadsheets from reading it as a number.
create view core.row_keys as
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

-- The latest decision per row key.
create view core.latest_decisions as
with ranked as (
    select
        d.*,
        row_number() over (partition by row_key order by "at" desc, decision_id desc) as newest
    from core.review_decisions as d
)
select * exclude (newest)
from ranked
where newest = 1;

-- Every row with its key and its latest decision (NULLs when undecided).
create view core.row_reviews as
with keyed as (
    select report_id, row_index, row_key
    from core.row_keys
)
select
    keyed.report_id,
    keyed.row_index,
    keyed.row_key,
    d.decision,
    d.note,
    d.corrections,
    d."by" as reviewed_by,
    d."at" as reviewed_at,
    d.rules as decided_rules
from keyed
left join core.latest_decisions as d using (row_key);

-- Whether a decision covers a flag: `release` lifts the error rules the row had when decided,
-- `distinct` only `duplicate_event`, `accept` closes warnings, `reject` covers every flag.
create macro core.decision_covers(decision, decided_rules, rule, severity) as
    case decision
        when 'reject' then true
        when 'release' then list_contains(decided_rules, rule)
        when 'distinct' then rule = 'duplicate_event' and list_contains(decided_rules, rule)
        when 'accept' then severity = 'warning' and list_contains(decided_rules, rule)
        else false
    end;

-- Rows kept out of events: an error flag no decision lifts, or a `reject` decision.
create or replace view core.error_rows as
with error_flags as (
    select f.report_id, f.row_index, f.rule, f.severity
    from core.flags as f
    where f.severity = 'error'
),
unlifted as (
    select e.report_id, e.row_index
    from error_flags as e
    left join core.row_reviews as rv using (report_id, row_index)
    where not coalesce(core.decision_covers(rv.decision, rv.decided_rules, e.rule, e.severity), false)
),
rejected as (
    select report_id, row_index
    from core.row_reviews
    where decision = 'reject'
)
select distinct report_id, row_index
from (
    select * from unlifted
    union all
    select * from rejected
);

-- The clean facts, with a release's or accept's corrected values and the row's decision.
create or replace view core.event_base as
with clean_rows as (
    select c.*
    from core.current_rows as c
    where not exists (
        select 1
        from core.error_rows as e
        where e.report_id = c.report_id and e.row_index = c.row_index
    )
),
reviewed as (
    select clean_rows.*, rv.decision, rv.corrections, rv.row_key
    from clean_rows
    left join core.row_reviews as rv using (report_id, row_index)
)
select
    core.event_id(report_id, row_index) as event_id,
    report_id,
    period,
    coalesce(corrections.municipality, municipality) as municipality,
    seq_no,
    coalesce(corrections.title, title_clean, title) as title,
    coalesce(corrections.place, place_clean, place) as place,
    coalesce(corrections.start_date, start_date) as start_date,
    coalesce(corrections.end_date, end_date) as end_date,
    coalesce(goal_clean, goal) as goal,
    coalesce(participants_clean, participants) as participants,
    source_file,
    source_locator,
    row_index,
    date_text,
    date_form,
    decision as review_status,
    row_key
from reviewed;

-- `events` re-created over the new event_base (same definition as 051): it gains review_status
-- and row_key before the enrichment columns.
create or replace view events as
with base as (
    select * from core.event_base
),
enriched as (
    select report_id, row_index, partner_countries, settlements, format, is_online
    from core.event_enrichment
)
select
    base.*,
    enriched.partner_countries,
    enriched.settlements,
    enriched.format,
    enriched.is_online
from base
left join enriched using (report_id, row_index);

create or replace view flagged_rows as
with located as (
    select
        f.*,
        r.source_file as row_source_file,
        r.source_locator,
        r.seq_no,
        r.municipality,
        rep.source_file as report_source_file,
        rep.period,
        rep.status as report_status
    from core.flags as f
    left join core.rows as r using (report_id, row_index)
    left join core.reports as rep using (report_id)
),
reviewed as (
    select
        located.*,
        rv.row_key,
        rv.decision,
        rv.reviewed_by,
        rv.reviewed_at,
        coalesce(core.decision_covers(rv.decision, rv.decided_rules, located.rule, located.severity), false)
            as decided,
        exists (
            select 1 from core.error_rows as e
            where e.report_id = located.report_id and e.row_index = located.row_index
        ) as kept_out
    from located
    left join core.row_reviews as rv using (report_id, row_index)
)
select
    run_id,
    report_id,
    coalesce(row_source_file, report_source_file) as source_file,
    source_locator,
    seq_no,
    municipality,
    rule,
    severity,
    message,
    field,
    value,
    kept_out and (severity = 'error' or coalesce(decision = 'reject', false)) as quarantined,
    case
        when related_report_id is not null then core.event_id(related_report_id, related_row_index)
    end as related_event_id,
    row_index,
    period,
    report_status,
    row_key,
    case when decided then decision end as review_decision,
    case when decided then reviewed_by end as reviewed_by,
    case when decided then reviewed_at end as reviewed_at
from reviewed;

-- Every decision ever applied, newest first, with whether it is the row's latest and whether
-- its row is still in a current report (`stale` when the row changed or went away).
create view review_log as
with latest as (
    select decision_id from core.latest_decisions
),
current_keys as (
    select distinct k.row_key
    from core.row_keys as k
    join core.current_rows as c using (report_id, row_index)
)
select
    d.row_key,
    d.decision,
    d.note,
    d.corrections,
    d."by",
    d."at",
    d.run_id,
    d.decision_id in (select decision_id from latest) as is_latest,
    d.row_key not in (select row_key from current_keys) as stale,
    d.report_id,
    d.period,
    d.municipality,
    d.seq_no,
    d.title,
    d.rules
from core.review_decisions as d
order by d."at" desc, d.decision_id desc;

-- The latest decision per row key, the one in force (or stale).
create view review_decisions as
with log as (
    select * from review_log
)
select * exclude (is_latest)
from log
where is_latest;

-- One line per flagged row of a current report, all its rules together: what `muniflow review
-- export` writes. `is_open` when a flag of the row has no decision covering it.
create view core.review_rows as
with current_flags as (
    select f.*
    from flagged_rows as f
    join core.current_rows as c using (report_id, row_index)
),
per_row as (
    select
        report_id,
        row_index,
        list(rule order by rule) as rules,
        list(severity order by rule) as severities,
        string_agg(message, ' | ' order by rule) as messages,
        bool_or(review_decision is null) as is_open
    from current_flags
    group by report_id, row_index
)
select
    rv.row_key,
    x.source_file,
    x.source_locator,
    x.seq_no,
    x.municipality,
    x.title,
    x.place,
    x.date_text,
    x.start_date,
    x.end_date,
    array_to_string(p.rules, ', ') as rules,
    array_to_string(p.severities, ', ') as severities,
    p.messages,
    rv.decision,
    rv.note,
    rv.corrections.title as corrected_title,
    rv.corrections.place as corrected_place,
    rv.corrections.start_date as corrected_start_date,
    rv.corrections.end_date as corrected_end_date,
    rv.corrections.municipality as corrected_municipality,
    p.is_open,
    p.report_id,
    p.row_index,
    x.period,
    p.rules as rule_list,
    p.severities as severity_list,
    rv.reviewed_by,
    rv.reviewed_at
from per_row as p
join extracted_rows as x using (report_id, row_index)
join core.row_reviews as rv using (report_id, row_index);
