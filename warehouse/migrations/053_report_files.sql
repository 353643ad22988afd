-- Every path a report's content arrived under: a byte-identical copy sent under another name is
-- one report (one row in `reports`) but every path it came by is accounted for here.
create table core.report_files (
    source_file varchar not null,
    report_id varchar not null,
    first_run_id varchar,
    first_seen_at timestamp,
    primary key (source_file, report_id)
);

insert into core.report_files
select source_file, report_id, run_id, ingested_at
from core.reports;

create view report_files as
with files as (
    select * from core.report_files
)
select
    files.source_file,
    files.report_id,
    r.status,
    r.reason,
    r.period,
    files.first_run_id,
    files.first_seen_at
from files
join reports as r using (report_id);
