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
    entries      int          not null check (entries > 0),
    primary key (person_id, commune_code, year)
);

create function learning_entry_summary() returns trigger language plpgsql as $$
declare
    first_of_year boolean;
    remaining     int;
begin
    if tg_op in ('DELETE', 'UPDATE') then
        -- the person's last entry of that commune and year: they are no longer a learner there
        delete from learning_person_year
         where person_id = old.person_id and commune_code = old.commune_code and year = extract(year from old.start_date)::int
           and entries = 1
        returning 0 into remaining;
        if not found then
            update learning_person_year set entries = entries - 1
             where person_id = old.person_id and commune_code = old.commune_code and year = extract(year from old.start_date)::int
            returning entries into remaining;
        end if;
        update learning_commune_year set entries = entries - 1, hours = hours - old.hours,
               verified = verified - (old.status = 'verified')::int, learners = learners - (coalesce(remaining, 1) = 0)::int
         where commune_code = old.commune_code and year = extract(year from old.start_date)::int;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into learning_person_year (person_id, commune_code, year, entries)
        values (new.person_id, new.commune_code, extract(year from new.start_date)::int, 1)
        on conflict (person_id, commune_code, year) do update set entries = learning_person_year.entries + 1
        returning (xmax = 0) into first_of_year;
        insert into learning_commune_year (commune_code, year, entries, verified, learners, hours)
        values (new.commune_code, extract(year from new.start_date)::int, 1, (new.status = 'verified')::int, first_of_year::int, new.hours)
        on conflict (commune_code, year) do update set entries = learning_commune_year.entries + 1,
               verified = learning_commune_year.verified + excluded.verified,
               learners = learning_commune_year.learners + excluded.learners, hours = learning_commune_year.hours + excluded.hours;
    end if;
    return null;
end $$;

create trigger learning_entry_summary after insert or delete on learning_entry
    for each row execute function learning_entry_summary();
-- an update touches the summary only when a counted field changes
create trigger learning_entry_summary_update after update on learning_entry
    for each row when (old.person_id is distinct from new.person_id or old.commune_code is distinct from new.commune_code
                       or old.start_date is distinct from new.start_date or old.hours is distinct from new.hours
                       or old.status is distinct from new.status)
    execute function learning_entry_summary();

-- the entries already written
insert into learning_person_year (person_id, commune_code, year, entries)
select person_id, commune_code, extract(year from start_date)::int, count(*) from learning_entry group by 1, 2, 3;
insert into learning_commune_year (commune_code, year, entries, verified, learners, hours)
select commune_code, extract(year from start_date)::int, count(*), count(*) filter (where status = 'verified'),
       count(distinct person_id), coalesce(sum(hours), 0)
from learning_entry group by 1, 2;
