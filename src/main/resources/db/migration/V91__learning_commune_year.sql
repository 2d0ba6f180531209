-- Issue 12 (b): the city's learning figures per commune and year without scanning the record (≈ 200 million entries
-- at full scale). Kept by a trigger on learning_entry in the writing transaction itself (INSERT, UPDATE, DELETE and
-- COPY alike), so the figures are always those of the committed entries. The year is the entry's start year.

-- Tổng hợp theo xã, phường và năm: what the city figures read (126 communes × years rows).
create table learning_commune_year (
    commune_code varchar(10)   not null,
    year         int           not null,
    entries      bigint        not null default 0 check (entries >= 0),
    verified     bigint        not null default 0 check (verified >= 0),
    learners     bigint        not null default 0 check (learners >= 0),   -- distinct persons with an entry
    hours        numeric(14,2) not null default 0,
    primary key (commune_code, year)
);

-- Who has at least one entry in a commune and year, and how many: the distinct-learner count without a scan.
create table learning_person_year (
    person_id    varchar(100) not null,
    commune_code varchar(10)  not null,
    year         int          not null,
    entries      int          not null check (entries >= 0),   -- 0 only inside a statement that then deletes it
    primary key (person_id, commune_code, year)
);

-- Statement-level triggers with transition tables: one aggregated upsert per statement, so a COPY or a multi-row
-- INSERT of many entries pays one pass over its own rows, not two upserts per row.
create function learning_entry_summary() returns trigger language plpgsql as $$
begin
    if tg_op in ('DELETE', 'UPDATE') then
        with per_person as (
            select person_id, commune_code, extract(year from start_date)::int as y, count(*) as n from old_rows group by 1, 2, 3
        ), dec as (
            update learning_person_year p set entries = p.entries - pp.n from per_person pp
             where p.person_id = pp.person_id and p.commune_code = pp.commune_code and p.year = pp.y
            returning p.commune_code, p.year, p.entries = 0 as gone
        ), gone as (
            select commune_code, year, count(*) filter (where gone) as g from dec group by 1, 2
        ), sums as (
            select commune_code, extract(year from start_date)::int as y, count(*) as e,
                   count(*) filter (where status = 'verified') as v, coalesce(sum(hours), 0) as h
              from old_rows group by 1, 2
        )
        update learning_commune_year c set entries = c.entries - s.e, verified = c.verified - s.v, hours = c.hours - s.h,
               learners = c.learners - coalesce(g.g, 0)
          from sums s left join gone g on g.commune_code = s.commune_code and g.year = s.y
         where c.commune_code = s.commune_code and c.year = s.y;
        -- persons with no entry left in a commune and year are no longer learners there
        delete from learning_person_year p using old_rows o
         where p.person_id = o.person_id and p.commune_code = o.commune_code and p.year = extract(year from o.start_date)::int
           and p.entries = 0;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        with per_person as (
            select person_id, commune_code, extract(year from start_date)::int as y, count(*) as n from new_rows group by 1, 2, 3
        ), upserted as (
            insert into learning_person_year (person_id, commune_code, year, entries)
            select person_id, commune_code, y, n from per_person
            on conflict (person_id, commune_code, year) do update set entries = learning_person_year.entries + excluded.entries
            returning commune_code, year, (xmax = 0) as first
        ), firsts as (
            select commune_code, year, count(*) filter (where first) as l from upserted group by 1, 2
        ), sums as (
            select commune_code, extract(year from start_date)::int as y, count(*) as e,
                   count(*) filter (where status = 'verified') as v, coalesce(sum(hours), 0) as h
              from new_rows group by 1, 2
        )
        insert into learning_commune_year (commune_code, year, entries, verified, learners, hours)
        select s.commune_code, s.y, s.e, s.v, coalesce(f.l, 0), s.h
          from sums s left join firsts f on f.commune_code = s.commune_code and f.year = s.y
        on conflict (commune_code, year) do update set entries = learning_commune_year.entries + excluded.entries,
               verified = learning_commune_year.verified + excluded.verified,
               learners = learning_commune_year.learners + excluded.learners, hours = learning_commune_year.hours + excluded.hours;
    end if;
    return null;
end $$;

-- (transition tables allow one event per trigger)
create trigger learning_entry_summary_insert after insert on learning_entry
    referencing new table as new_rows for each statement execute function learning_entry_summary();
create trigger learning_entry_summary_delete after delete on learning_entry
    referencing old table as old_rows for each statement execute function learning_entry_summary();
create trigger learning_entry_summary_update after update on learning_entry
    referencing old table as old_rows new table as new_rows for each statement execute function learning_entry_summary();

-- the entries already written
insert into learning_person_year (person_id, commune_code, year, entries)
select person_id, commune_code, extract(year from start_date)::int, count(*) from learning_entry group by 1, 2, 3;
insert into learning_commune_year (commune_code, year, entries, verified, learners, hours)
select commune_code, extract(year from start_date)::int, count(*), count(*) filter (where status = 'verified'),
       count(distinct person_id), coalesce(sum(hours), 0)
from learning_entry group by 1, 2;
