-- The tables behind the public views. They live in schema `core` so that `main` holds only the
-- stable views analysts query; these tables are free to change in later migrations.

create schema core;

-- One ingestion run (a Prefect flow run or a direct CLI call).
create table core.runs (
    run_id varchar primary key,
    flow_run_id varchar,
    started_at timestamp not null,  -- UTC
    finished_at timestamp           -- UTC; null while the run is in progress
);

-- The counts a run reports when it finishes (files seen, unchanged, ...), one row per name.
create table core.run_counts (
    run_id varchar not null,
    name varchar not null,
    value bigint not null,
    primary key (run_id, name)
);

-- One row per distinct input file (by content); row counts are derived in the `reports` view.
create table core.reports (
    report_id varchar primary key,  -- first 16 hex chars of sha256
    sha256 varchar not null unique,
    source_file varchar not null,
    format varchar not null,
    region varchar,
    period varchar,                 -- 'YYYYQn'
    pages integer,
    status varchar not null check (status in ('loaded', 'quarantined', 'superseded')),
    reason varchar,
    message varchar,
    ingested_at timestamp not null, -- UTC
    run_id varchar not null,
    superseded_by varchar
);

-- Every table row of every report, raw and normalized, whatever became of it.
create table core.rows (
    report_id varchar not null,
    row_index integer not null,
    source_file varchar not null,
    source_locator varchar not null,
    seq_text varchar,
    seq_no integer,
    municipality_raw varchar,
    municipality varchar,
    title_raw varchar,
    title varchar,
    place_raw varchar,
    place varchar,
    date_text varchar,
    start_date date,
    end_date date,
    date_form varchar,
    goal_raw varchar,
    goal varchar,
    participants_raw varchar,
    participants varchar,
    primary key (report_id, row_index)
);

create sequence core.flag_id_seq;

-- One rule that fired on one row; `related_*` points at the kept copy of a duplicate.
create table core.flags (
    flag_id bigint primary key default nextval('core.flag_id_seq'),
    report_id varchar not null,
    row_index integer not null,
    rule varchar not null,
    severity varchar not null check (severity in ('error', 'warning')),
    message varchar not null,
    field varchar,
    value varchar,
    related_report_id varchar,
    related_row_index integer,
    run_id varchar not null
);

-- Municipality dimension: each canonical name with every heading spelling it was read from.
create table core.municipalities (
    name varchar not null,
    raw_name varchar not null,
    first_report_id varchar not null,
    primary key (name, raw_name)
);
