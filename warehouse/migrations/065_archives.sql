-- ZIP archives a clerk sent that were unpacked: their members are reports (named
-- 'archive.zip!member.docx' in lineage), the archive itself is listed here so that every file of
-- the inbox is accounted for. An archive refused whole (a bomb, a path traversal) is a
-- quarantined row of `reports` with format 'zip' instead.
create table core.archives (
    source_file varchar not null,
    sha256 varchar not null,
    members varchar[] not null,      -- names inside the archive, in archive order, litter excluded
    skipped varchar[] not null,      -- system litter inside the archive (~$*, .DS_Store, ...)
    run_id varchar not null,
    recorded_at timestamp not null,  -- UTC
    primary key (source_file, sha256)
);

create view archives as
with recorded as (
    select * from core.archives
)
select
    source_file,
    sha256,
    'unpacked' as status,
    len(members) as members_count,
    members,
    skipped,
    run_id,
    recorded_at
from recorded;

-- Every path a file arrived under: reports (documents and archive members) and unpacked archives.
create or replace view report_files as
with files as (
    select * from core.report_files
),
documents as (
    select
        files.source_file,
        files.report_id,
        r.status,
        r.reason,
        r.period,
        files.first_run_id,
        files.first_seen_at
    from files
    join reports as r using (report_id)
),
unpacked as (
    select
        source_file,
        null::varchar as report_id,
        'unpacked' as status,
        null::varchar as reason,
        null::varchar as period,
        run_id as first_run_id,
        recorded_at as first_seen_at
    from core.archives
)
select * from documents
union all
select * from unpacked;
