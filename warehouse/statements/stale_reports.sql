-- Loaded and quarantined reports read by another code version, with their paths
-- (`rereading.stale_reports`).
select r.report_id, r.sha256, r.status, r.region, r.period, r.code_version,
    list(f.source_file order by f.source_file = r.source_file desc, f.first_seen_at, f.source_file),
    list(f.located_at order by f.source_file = r.source_file desc, f.first_seen_at, f.source_file)
from core.reports as r left join core.report_files as f using (report_id)
where r.status in ('loaded', 'quarantined')
    and (len(?::varchar[]) = 0 or list_contains(?::varchar[], r.period))
    and (? or r.code_version is distinct from ?)
group by all order by r.report_id
