-- A heading misspelt in a report («Сосоновский район») makes a section of a municipality no list
-- expects: `unexpected_municipality` flags its first row, once per report and municipality. The
-- analyst's corrected municipality on that row (`review apply`, decision accept or release,
-- `corrected_municipality`) names the whole section, not the one row: every current row of the
-- report under that municipality is the corrected one in `events` (and so in
-- `event_municipalities`, `muniflow compile`), and `reporting_status` counts the section for the
-- corrected municipality (it stops being `missing`; the misspelt name is no reporter). A decision
-- that goes stale (its row changed in a re-issued report) renames nothing. Versions are not
-- re-ordered: the renamed section supersedes no report of the corrected municipality.

-- (report, municipality as read) -> the municipality the analyst corrected it to.
create view core.section_renames as
with corrected as (
    select row_key, corrections.municipality as renamed
    from core.latest_decisions
    where decision in ('accept', 'release') and coalesce(corrections.municipality, '') <> ''
),
located as (
    select k.report_id, k.row_index, corrected.renamed
    from corrected
    join core.row_keys as k using (row_key)
)
select distinct l.report_id, r.municipality, l.renamed
from located as l
join core.flags as f using (report_id, row_index)
join core.rows as r using (report_id, row_index)
where f.rule = 'unexpected_municipality' and r.municipality is distinct from l.renamed;

-- 070's event_base, the section's corrected municipality under a row's own correction.
create or replace view core.event_base as
with clean_rows as (
    select c.*
    from core.current_rows as c
    where not exists (
        select 1
        from core.error_rows as e
        where e.report_id = c.report_id and e.row_index = c.row_index
    )
),
reviewed as (
    select clean_rows.*, rv.decision, rv.corrections, rv.row_key, sr.renamed
    from clean_rows
    left join core.row_reviews as rv using (report_id, row_index)
    left join core.section_renames as sr using (report_id, municipality)
)
select
    core.event_id(report_id, row_index) as event_id,
    report_id,
    period,
    coalesce(corrections.municipality, renamed, municipality) as municipality,
    seq_no,
    coalesce(corrections.title, title_clean, title) as title,
    coalesce(corrections.place, place_clean, place) as place,
    coalesce(corrections.start_date, start_date) as start_date,
    coalesce(corrections.end_date, end_date) as end_date,
    coalesce(goal_clean, goal) as goal,
    coalesce(participants_clean, participants) as participants,
    source_file,
    source_locator,
    row_index,
    date_text,
    date_form,
    decision as review_status,
    row_key
from reviewed;

-- 079's coverage, the rows of a renamed section counted for the corrected municipality.
create or replace macro core.period_report_coverage(periods) as table
with quarter_reports as (
    select report_id from core.period_reports(periods)
),
from_rows as (
    select r.report_id, coalesce(sr.renamed, r.municipality) as municipality, count(*) as rows_read
    from quarter_reports
    join core.rows as r using (report_id)
    left join core.section_renames as sr using (report_id, municipality)
    where coalesce(r.municipality, '') <> ''
    group by all
),
from_nil as (
    select n.report_id, n.municipality, 0 as rows_read
    from quarter_reports
    join core.nil_sections as n using (report_id)
),
covered as (
    select * from from_rows
    union all
    select * from from_nil
)
select report_id, municipality, sum(rows_read) as rows_read
from covered
group by report_id, municipality;

-- 084's reporting_status, a renamed section's current version under the corrected municipality.
create or replace macro core.period_reporting_status(periods) as table
with expected as (
    select region, municipality from core.expected_municipalities
),
sole_region as (
    select municipality, min(region) as region
    from expected
    group by municipality
    having count(*) = 1
),
quarter_reports as (
    select * from core.period_reports(periods)
),
coverage as (
    select * from core.period_report_coverage(periods)
),
-- a section the analyst renamed counts for the municipality it was renamed to
current_sections as (
    select v.report_id, coalesce(sr.renamed, v.municipality) as municipality
    from core.period_section_versions(periods) as v
    left join core.section_renames as sr using (report_id, municipality)
    where v.superseded_by is null and v.municipality <> ''
),
-- a loaded report without sections (not written by the loader) is current whole, as in 062
unsectioned_coverage as (
    select cov.report_id, cov.municipality
    from coverage as cov
    join quarter_reports as rep using (report_id)
    where rep.status = 'loaded'
        and not exists (select 1 from core.report_sections as s where s.report_id = rep.report_id)
),
quarantined_coverage as (
    select cov.report_id, cov.municipality
    from coverage as cov
    join quarter_reports as rep using (report_id)
    where rep.status = 'quarantined'
),
-- a quarantined file of no rows (refused whole: no table, a layout not understood) covers the
-- municipality its title names
titled_coverage as (
    select
        rep.report_id,
        rep.title_municipality as municipality,
        case when rep.reason = 'covering_letter' then 2 else 1 end as rank_status
    from quarter_reports as rep
    where rep.status = 'quarantined'
        and coalesce(rep.title_municipality, '') <> ''
        and not exists (select 1 from coverage as cov where cov.report_id = rep.report_id)
),
covering as (
    select report_id, municipality, 0 as rank_status from current_sections
    union all
    select report_id, municipality, 0 as rank_status from unsectioned_coverage
    union all
    select report_id, municipality, 1 as rank_status from quarantined_coverage
    union all
    select report_id, municipality, rank_status from titled_coverage
),
received as (
    select
        coalesce(rep.region, sole_region.region) as region,
        rep.period,
        covering.municipality,
        rep.report_id,
        rep.ingested_at as received_at,
        case
            when covering.rank_status = 2 then 'missing'
            when covering.rank_status = 1 then 'quarantined'
            when coalesce(cov.rows_read, 0) > 0 then 'reported'
            else 'nil'
        end as status,
        covering.rank_status
    from covering
    join quarter_reports as rep using (report_id)
    left join coverage as cov using (report_id, municipality)
    left join sole_region on sole_region.municipality = covering.municipality
    where rep.period is not null
),
ranked as (
    select
        *,
        -- the current version first, then the newest quarantined file, then a covering letter
        row_number() over (
            partition by region, period, municipality
            order by rank_status, received_at desc, report_id
        ) as pick
    from received
),
best as (
    select region, period, municipality, status, report_id, received_at
    from ranked
    where pick = 1
),
quarters as (
    select distinct region, period from received where region is not null
    union
    select distinct region, core.last_ended_quarter(current_date) from expected
),
missing as (
    select e.region, q.period, e.municipality, 'missing' as status, null as report_id, null as received_at
    from expected as e
    join quarters as q using (region)
    where not exists (
        select 1 from best as b
        where b.region = e.region and b.period = q.period and b.municipality = e.municipality
    )
),
combined as (
    select * from best
    union all
    select * from missing
)
select
    c.region,
    c.period,
    c.municipality,
    c.status,
    c.report_id,
    cast(c.received_at as timestamp) as received_at,
    exists (
        select 1 from expected as e where e.region = c.region and e.municipality = c.municipality
    ) as expected
from combined as c
where periods is null or list_contains(periods, c.period);

create or replace view reporting_status as
with status as (
    select * from core.period_reporting_status(null)
)
select * from status;
