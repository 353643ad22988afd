-- review_log (070) with the same columns and meaning, but whether a decision is stale is judged on
-- the decided row keys alone: the current rows of those keys' quarters are looked up, not every
-- quarter's, so reading the decisions (as every quality report does) no longer reads every row of the
-- warehouse. review_decisions is re-created over it unchanged.
create or replace view review_log as
with latest as (
    select decision_id from core.latest_decisions
),
decided_keys as (
    select distinct row_key from core.review_decisions
),
keyed_rows as (
    select k.report_id, k.row_index, k.row_key
    from core.row_keys as k
    where k.row_key in (select row_key from decided_keys)
),
decided_periods as (
    select coalesce(list(distinct rep.period), []) as periods
    from core.reports as rep
    where rep.report_id in (select report_id from keyed_rows)
),
current_keys as (
    select distinct keyed_rows.row_key
    from keyed_rows
    join core.period_current_rows((select periods from decided_periods)) as c using (report_id, row_index)
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

create or replace view review_decisions as
with log as (
    select * from review_log
)
select * exclude (is_latest)
from log
where is_latest;
