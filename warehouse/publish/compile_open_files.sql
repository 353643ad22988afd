-- Files of a quarter ($period, $region) that were quarantined whole, for the annex.
with regional as (
    select source_file, reason, message
    from reports
    where period = $period and region is not distinct from $region and status = 'quarantined'
)
select source_file, reason, message
from regional
order by source_file;
