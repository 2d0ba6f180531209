-- Issue 18, item 1: one index instead of two. Every query of register_person by commune or household names the year and
-- the commune (the commune's list, its villages, its count, an import's communes; a household is looked up inside its
-- commune) and the commune's list is ordered by household: (year, commune_code, household_id) serves all of them, the
-- list's order included, so (year, commune_code) and (year, household_id) are no longer needed. A first register import
-- builds the table's indexes again after its COPY; one build fewer of 8.7 million entries is about a third of that
-- time (docs/performance.md).
drop index if exists register_person_commune;
drop index if exists register_person_household;
create index register_person_commune_household on register_person (year, commune_code, household_id);
