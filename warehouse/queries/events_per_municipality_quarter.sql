-- Clean events per municipality and quarter (current report versions only); participations: events hosted by another municipality that this one co-reported
with counted as (
    select period, municipality, count(*) as events
    from events
    group by period, municipality
),
participated as (
    select e.period, m.municipality, count(distinct m.event_id) as participations
    from event_municipalities as m
    join events as e using (event_id)
    where m.role = 'participant'
    group by e.period, m.municipality
),
joined as (
    select
        coalesce(c.period, p.period) as period,
        coalesce(c.municipality, p.municipality) as municipality,
        coalesce(c.events, 0) as events,
        coalesce(p.participations, 0) as participations
    from counted as c
    full outer join participated as p using (period, municipality)
)
select period, municipality, events, participations
from joined
order by period, events desc, municipality;
