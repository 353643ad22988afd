-- Events per month (by start date) and how many of them had foreign participation
-- "Foreign": enrichment found a partner country for the event (a country of the `countries`
-- table, the one list enrichment uses, other than the home country), or its title, place or
-- participants say "иностран…"/"зарубеж…". Rows without a start date count under a NULL month.
with partnered as (
    select distinct p.event_id
    from event_partners as p
    join countries as c on p.country_code = c.code
),
texts as (
    select
        event_id,
        cast(date_trunc('month', start_date) as date) as month,
        lower(concat_ws(' ', title, place, participants)) as text
    from events
),
classified as (
    select
        t.event_id,
        t.month,
        t.event_id in (select event_id from partnered)
        or regexp_matches(t.text, '(^|[^а-яё])(иностран|зарубеж)') as is_foreign
    from texts as t
)
select
    month,
    count(*) as events,
    count(*) filter (where is_foreign) as foreign_events
from classified
group by month
order by month nulls last;
