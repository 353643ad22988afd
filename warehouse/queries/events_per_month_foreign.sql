-- Events per month (by start date) and how many of them had foreign participation
-- "Foreign" is read simply from title, place and participants: a foreign country's name (stem),
-- "иностран…"/"зарубеж…", or "Республика …" once the republics of the Russian Federation are
-- taken out. Rows without a start date count under a NULL month.
with patterns as (
    select
        '(^|[^а-яё])(абхаз|азербайдж|армени|армянск|беларус|белорус|болгари|болгарск|вьетнам'
        || '|германи|немецк|грузия|грузии|грузинск|египет|египт|индия|индии|индийск|иран|итали'
        || '|итальянск|казахстан|казахск|китай|кнр|кндр|корея|кореи|корейск|куба([^а-яё]|$)|кубы'
        || '|кубинск|кыргыз|киргиз|лаос|латви|литва|литвы|литве|литовск|молдов|молдав|монгол|польш'
        || '|польск|сербия|сербии|сербск|сирия|сирии|сирийск|сша|таджик|туркмен|турци|турецк|узбек'
        || '|украин|франци[яие]|французск|эстони|южн\S*\s+осети|япони|японск|иностран|зарубеж)'
            as foreign_country,
        'республик\S*\s+(адыге|алтай|башкортостан|бурят|дагестан|ингушет|калмык|карели|коми|крым'
        || '|марий|мордов|саха|северн\S*\s+осети|татарстан|тыв|тув|хакаси)'
        || '|(кабардино-балкарск|карачаево-черкесск|удмуртск|чеченск|чувашск)\S*\s+республик'
            as russian_republic
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
        regexp_matches(t.text, p.foreign_country)
        or regexp_matches(regexp_replace(t.text, p.russian_republic, ' ', 'g'), 'республик') as is_foreign
    from texts as t
    cross join patterns as p
)
select
    month,
    count(*) as events,
    count(*) filter (where is_foreign) as foreign_events
from classified
group by month
order by month nulls last;
