-- What enrichment (muniflow.enrich) adds to each row: places, partner countries, format, signed
-- documents. Tables only, in schema `core`; the public views over them (`events` columns,
-- `event_partners`, `agreements`) are in 051_enrichment_views.sql.

-- One row per enriched table row (core.rows), keyed like it.
create table core.event_enrichment (
    report_id varchar not null,
    row_index integer not null,
    settlements varchar[] not null,        -- nominative names, place cell first, each once
    partner_countries varchar[] not null,  -- ISO 3166-1 alpha-2, or the name where there is none
    format varchar not null check (format in ('in_person', 'online', 'hybrid')),
    format_cues varchar[] not null,        -- the words that decided the format
    is_online boolean not null,
    primary key (report_id, row_index)
);

-- One row per (row, foreign country, named place of it); settlement is null for a country none of
-- whose places is named. `position` keeps the order of enrich.Enrichment.partners.
create table core.event_partners (
    report_id varchar not null,
    row_index integer not null,
    position integer not null,
    country_code varchar,                  -- null where ISO 3166-1 has no code (e.g. Абхазия)
    country_name varchar not null,
    settlement varchar,
    place_kind varchar check (place_kind in ('locality', 'area')),
    primary key (report_id, row_index, position)
);

-- One row per distinct signed document (enrich.agreement_id of its key); the first mention's
-- wording is kept, and a date given by any mention.
create table core.agreements (
    agreement_id varchar primary key,
    kind varchar not null check (kind in ('соглашение', 'протокол', 'меморандум', 'договор')),
    parties varchar[] not null,            -- as written
    signed_on date,
    text varchar not null
);

-- Which rows mention which document: one document mentioned under two events links to both.
create table core.agreement_events (
    agreement_id varchar not null,
    report_id varchar not null,
    row_index integer not null,
    primary key (agreement_id, report_id, row_index)
);
