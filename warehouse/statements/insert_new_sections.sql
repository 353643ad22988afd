-- A report's sections, in a new version (`sections.record_new_sections`).
insert into core.report_sections (report_id, municipality, version, adds, version_key)
select ?, unnest(?), (select coalesce(max(version), 0) + 1 from core.report_sections), ?,
    unnest(?)
