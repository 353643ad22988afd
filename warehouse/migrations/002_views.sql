-- The public views (DESIGN.md): stable names and columns, documented in warehouse/SCHEMA.md.
-- Helpers shared by several views live in schema `core`.

-- An event's id: its report and its 1-based row number, e.g. '7372092cb0decc1d-0007'.
create macro core.event_id(report_id, row_index) as
    report_id || '-' || lpad(cast(row_index + 1 as varchar), 4, '0');

-- Rows that carry at least one error-severity flag: they never reach `events`.
create view core.error_rows as
with error_flags as (
    select report_id, row_index
    from core.flags
    where severity = 'error'
)
select distinct report_id, row_index
from error_flags;

-- Rows of the current version of each report (status 'loaded'), with the report's period.
create view core.current_rows as
with current_reports as (
    select report_id, period
    from core.reports
    where status = 'loaded'
)
select current_reports.period, r.*
from core.rows as r
join current_reports using (report_id);

-- The clean facts without enrichment. A later migration that enriches `events` replaces the
-- public view as: with base as (select * from core.event_base), ... select base.*, <new columns>.
create view core.event_base as
with clean_rows as (
    select c.*
    from core.current_rows as c
    where not exists (
        select 1
        from core.error_rows as e
        where e.report_id = c.report_id and e.row_index = c.row_index
    )
)
select
    core.event_id(report_id, row_index) as event_id,
    report_id,
    period,
    municipality,
    seq_no,
    title,
    place,
    start_date,
    end_date,
    goal,
    participants,
    source_file,
    source_locator,
    row_index,
    date_text,
    date_form
from clean_rows;

create view events as
with base as (
    select * from core.event_base
)
select *
from base;

create view reports as
with row_counts as (
    select report_id, count(*) as rows_extracted
    from core.rows
    group by report_id
),
error_counts as (
    select e.report_id, count(*) as rows_with_errors
    from core.error_rows as e
    join core.rows as r using (report_id, row_index)
    group by e.report_id
),
counted as (
    select
        rep.*,
        coalesce(row_counts.rows_extracted, 0) as rows_extracted,
        coalesce(error_counts.rows_with_errors, 0) as rows_with_errors
    from core.reports as rep
    left join row_counts using (report_id)
    left join error_counts using (report_id)
)
select
    report_id,
    source_file,
    sha256,
    format,
    region,
    period,
    status,
    reason,
    rows_extracted,
    -- a quarantined file loads nothing: all its rows count as quarantined
    case when status = 'quarantined' then 0 else rows_extracted - rows_with_errors end as rows_loaded,
    case when status = 'quarantined' then rows_extracted else rows_with_errors end as rows_quarantined,
    ingested_at,
    message,
    superseded_by,
    run_id,
    pages
from counted;

create view extracted_rows as
with located as (
    select r.*, rep.period, rep.status as report_status
    from core.rows as r
    join core.reports as rep using (report_id)
)
select
    report_id,
    source_file,
    source_locator,
    seq_no,
    municipality,
    title,
    place,
    date_text,
    start_date,
    end_date,
    goal,
    participants,
    row_index,
    seq_text,
    municipality_raw,
    title_raw,
    place_raw,
    goal_raw,
    participants_raw,
    date_form,
    period,
    report_status
from located;

create view flagged_rows as
with located as (
    select
        f.*,
        r.source_file as row_source_file,
        r.source_locator,
        r.seq_no,
        r.municipality,
        rep.source_file as report_source_file,
        rep.period,
        rep.status as report_status
    from core.flags as f
    left join core.rows as r using (report_id, row_index)
    left join core.reports as rep using (report_id)
)
select
    run_id,
    report_id,
    coalesce(row_source_file, report_source_file) as source_file,
    source_locator,
    seq_no,
    municipality,
    rule,
    severity,
    message,
    field,
    value,
    severity = 'error' as quarantined,
    case
        when related_report_id is not null then core.event_id(related_report_id, related_row_index)
    end as related_event_id,
    row_index,
    period,
    report_status
from located;

create view runs as
with recorded as (
    select
        run_id,
        count(*) as reports_recorded,
        count(*) filter (where status = 'quarantined') as reports_quarantined
    from core.reports
    group by run_id
),
superseded as (
    select newer.run_id, count(*) as reports_superseded
    from core.reports as older
    join core.reports as newer on older.superseded_by = newer.report_id
    group by newer.run_id
),
extracted as (
    select rep.run_id, count(*) as rows_extracted
    from core.rows as r
    join core.reports as rep using (report_id)
    group by rep.run_id
),
raised as (
    select run_id, count(*) as flags_raised
    from core.flags
    group by run_id
),
reported as (
    select run_id, map(list(name order by name), list(value order by name)) as counts
    from core.run_counts
    group by run_id
)
select
    runs.run_id,
    runs.flow_run_id,
    runs.started_at,
    runs.finished_at,
    case when runs.finished_at is null then 'running' else 'finished' end as status,
    coalesce(recorded.reports_recorded, 0) as reports_recorded,
    coalesce(recorded.reports_quarantined, 0) as reports_quarantined,
    coalesce(superseded.reports_superseded, 0) as reports_superseded,
    coalesce(extracted.rows_extracted, 0) as rows_extracted,
    coalesce(raised.flags_raised, 0) as flags_raised,
    reported.counts
from core.runs as runs
left join recorded using (run_id)
left join superseded using (run_id)
left join extracted using (run_id)
left join raised using (run_id)
left join reported using (run_id);

create view municipalities as
with spellings as (
    select name, list(raw_name order by raw_name) as raw_names
    from core.municipalities
    group by name
),
current_events as (
    select municipality as name, count(*) as events, count(distinct report_id) as reports
    from core.event_base
    group by municipality
)
select
    spellings.name as municipality,
    spellings.raw_names,
    coalesce(current_events.reports, 0) as reports,
    coalesce(current_events.events, 0) as events
from spellings
left join current_events using (name);
