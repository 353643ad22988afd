-- The flags of current reports and their decisions as they stood at the end of each run, so
-- `muniflow report --run RUN_ID` shows that run's picture after later runs replaced duplicate
-- flags or decided others. Written by muniflow.warehouse.flag_history at the end of a run.
create table core.flag_history (
    run_id varchar not null,
    report_id varchar not null,
    row_index integer not null,
    row_key varchar,
    rule varchar not null,
    severity varchar not null,
    message varchar,
    field varchar,
    value varchar,
    related_event_id varchar,
    quarantined boolean,
    review_decision varchar,
    reviewed_by varchar,
    reviewed_at timestamp,
    raised_by_run varchar
);
