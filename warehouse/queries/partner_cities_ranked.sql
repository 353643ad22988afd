-- Foreign partner towns ranked by the number of clean events that name them (regions and districts left out)
with towns as (
    select settlement, country_name, country_code, count(distinct event_id) as events
    from event_partners
    where settlement is not null and place_kind = 'locality'
    group by settlement, country_name, country_code
)
select
    rank() over (order by events desc) as rank,
    settlement,
    country_name,
    country_code,
    events
from towns
order by rank, settlement;
