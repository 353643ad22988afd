-- Earlier readings of a report's file, kept as history when `muniflow reprocess` replaces a
-- report's rows and flags with a reading by newer code or contracts. `core.rows` and
-- `core.flags` hold the current reading; earlier ones are numbered 1, 2, … per report.

create table core.report_readings (
    report_id varchar not null,
    reading integer not null,       -- 1 = the first reading, replaced first
    code_version varchar,           -- fingerprint of the code that made it (NULL: not recorded)
    status varchar not null,        -- the report's status while it was current
    reason varchar,
    message varchar,
    region varchar,
    period varchar,
    rows_extracted integer not null,
    replaced_at timestamp not null, -- UTC
    replaced_by_run_id varchar not null,
    primary key (report_id, reading)
);

-- The rows of each earlier reading, as `core.rows` held them.
create table core.previous_rows as
select
    0 as reading,
    report_id,
    row_index,
    source_file,
    source_locator,
    seq_text,
    seq_no,
    municipality_raw,
    municipality,
    title_raw,
    title,
    place_raw,
    place,
    date_text,
    start_date,
    end_date,
    date_form,
    goal_raw,
    goal,
    participants_raw,
    participants
from core.rows
limit 0;

-- The flags of each earlier reading, as `core.flags` held them.
create table core.previous_flags as
select 0 as reading, flag_id, report_id, row_index, rule, severity, message, field, value,
    related_report_id, related_row_index, run_id
from core.flags
limit 0;

create view report_readings as
with readings as (
    select * from core.report_readings
)
select
    report_id,
    reading,
    code_version,
    status,
    reason,
    period,
    rows_extracted,
    replaced_at,
    replaced_by_run_id,
    region,
    message
from readings;
