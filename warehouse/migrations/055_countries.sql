-- The one list of countries (muniflow.enrich.world: CLDR's Russian names, ISO 3166-1, and the
-- supplement contracts/countries.yaml), as enrichment uses it. The writer fills core.countries
-- on connect (muniflow.warehouse.countries.sync_countries); the view is the public face.
create table core.countries (
    code varchar primary key,  -- ISO 3166-1 alpha-2; ОКСМ's code for a state ISO lacks (AB, OS)
    name_ru varchar not null   -- the name reports and the warehouse show
);

create view countries as
with listed as (
    select code, name_ru
    from core.countries
)
select code, name_ru
from listed;
