-- Store municipality spellings not stored yet, skipping those another connection stored (`spellings`).
insert into core.municipalities
select name, raw_name, ? from (select unnest(?) as name, unnest(?) as raw_name) as new
where not exists (select 1 from core.municipalities as m
    where m.name = new.name and m.raw_name = new.raw_name)
