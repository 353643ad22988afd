-- Where each path was on the machine that read it: `source_file` is the path as `ingest` was
-- given it (relative to the folder it ran in, as the analyst wrote it), so `reprocess` run from
-- another folder could not find a file given as `inbox/report.docx`. `located_at` is that path
-- made absolute when it was read; reprocess tries it after the path as given. Null for paths
-- recorded before this column existed and for the members of an archive.
alter table core.report_files add column located_at varchar;

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
        files.first_seen_at,
        files.located_at
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
        recorded_at as first_seen_at,
        null::varchar as located_at
    from core.archives
)
select * from documents
union all
select * from unpacked;
