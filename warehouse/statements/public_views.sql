-- The public views: those of schema `main`, helpers living in `core` (`export.view_names`).
select view_name from duckdb_views()
where database_name = current_database() and schema_name = 'main' and not internal
order by view_name
