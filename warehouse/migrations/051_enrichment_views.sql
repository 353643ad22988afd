-- The public views over the enrichment tables of 050_enrichment.sql (documented in SCHEMA.md):
-- `events` keeps every column of core.event_base and gains four; `event_partners` and
-- `agreements` are new. Rows loaded before enrichment existed have NULL enrichment columns.

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

-- One row per clean event and foreign partner (country, and the named place of it if any).
create view event_partners as
with clean as (
    select event_id, report_id, row_index, period
    from core.event_base
),
partners as (
    select report_id, row_index, position, country_code, country_name, settlement, place_kind
    from core.event_partners
)
select
    clean.event_id,
    partners.country_code,
    partners.country_name,
    partners.settlement,
    partners.place_kind,
    clean.period,
    partners.position
from partners
join clean using (report_id, row_index);

-- One row per (signed document, clean event that mentions it).
create view agreements as
with clean as (
    select event_id, report_id, row_index, period
    from core.event_base
),
linked as (
    select links.agreement_id, clean.event_id, clean.period
    from core.agreement_events as links
    join clean using (report_id, row_index)
)
select
    linked.agreement_id,
    linked.event_id,
    docs.kind,
    docs.parties,
    docs.signed_on,
    docs.text,
    linked.period
from linked
join core.agreements as docs using (agreement_id);
