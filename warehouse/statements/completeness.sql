-- Per region, period and status: the municipalities and whether any is expected
-- (`reporting.completeness`).
select region, period, status, list(municipality order by municipality), bool_or(expected)
from reporting_status where region is not null
    and (?::varchar[] is null or list_contains(?::varchar[], period))
group by region, period, status order by period desc, region, status
