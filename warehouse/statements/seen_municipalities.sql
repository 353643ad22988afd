-- The municipalities a region's received reports cover, with how many reports
-- (`reporting.seen_municipalities`).
select cov.municipality, count(distinct cov.report_id) from core.report_coverage as cov
join core.reports as rep using (report_id)
where rep.region = ? and rep.status <> 'quarantined'
group by cov.municipality order by cov.municipality
