-- Clean events per municipality and quarter (current report versions only)
with counted as (
    select period, municipality, count(*) as events
    from events
    group by period, municipality
)
select period, municipality, events
from counted
order by period, events desc, municipality;
