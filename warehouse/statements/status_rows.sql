-- `reporting_status` rows of one period and region when given, missing first
-- (`reporting.status_rows`).
select * from reporting_status
where (?::varchar is null or period = ?) and (?::varchar is null or region = ?)
order by period desc, region nulls last,
    list_position(?::varchar[], status), municipality
