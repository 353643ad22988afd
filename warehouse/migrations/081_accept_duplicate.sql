-- `accept` on a `duplicate_event` copy confirms it: the flag is decided (closed), the copy stays out
-- of events and its municipality stays a participant of the event (`event_municipalities`), where
-- `reject` would drop the participation too. So closing a flag and letting a row into events part:
-- `core.decision_covers` (a flag decided) now counts that accept; `core.decision_lifts` (an error
-- flag no longer keeping its row out) is what `decision_covers` was, and `core.error_rows` uses it.
create or replace macro core.decision_lifts(decision, decided_rules, rule, severity) as
    case decision
        when 'reject' then true
        when 'release' then list_contains(decided_rules, rule)
        when 'distinct' then rule = 'duplicate_event' and list_contains(decided_rules, rule)
        when 'accept' then severity = 'warning' and list_contains(decided_rules, rule)
        else false
    end;

create or replace macro core.decision_covers(decision, decided_rules, rule, severity) as
    core.decision_lifts(decision, decided_rules, rule, severity)
    or (decision = 'accept' and rule = 'duplicate_event' and list_contains(decided_rules, rule));

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
    where not coalesce(core.decision_lifts(rv.decision, rv.decided_rules, e.rule, e.severity), false)
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
