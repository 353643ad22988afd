-- Clean events per foreign partner country and quarter (an event counts once per country)
with partner_events as (
    select distinct
        e.period,
        coalesce(p.country_code, p.country_name) as country,
        p.country_name,
        p.event_id
    from event_partners as p
    join events as e using (event_id)
)
select period, country, country_name, count(*) as events
from partner_events
group by period, country, country_name
order by period, events desc, country;
