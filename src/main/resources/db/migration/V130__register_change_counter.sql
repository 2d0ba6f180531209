-- Issue 18, item 1: a label of the register's state, so that columns saved on disk (the columnar engine's snapshot)
-- are used only for the exact register they were made from. Every statement that writes register_person (insert,
-- update, delete, truncate; COPY included) advances a sequence: a statement-level trigger, no per-row cost, no row
-- lock (sequences are not transactional, so concurrent writers never wait for each other). A rolled-back statement
-- also advances it, which only makes a snapshot look stale. The instance id tells databases apart (a new database,
-- a new id; a restored dump keeps both the rows and the sequence's value).
create sequence register_change_seq;

create table register_state_instance (
    id uuid primary key default gen_random_uuid()
);
insert into register_state_instance default values;

create function register_person_changed() returns trigger language plpgsql as $$
begin
    perform nextval('register_change_seq');
    return null;
end $$;

create trigger register_person_changed
    after insert or update or delete or truncate on register_person
    for each statement execute function register_person_changed();
