-- Issue 18, item 1: the index by household goes. Every query of register_person by household names the year and the
-- commune too (a commune's list, ordered by household; a household looked up inside its commune), so the index by
-- (year, commune_code) finds the commune's rows (about 69,000 in an average commune of Hà Nội) and the household is
-- a filter or a sort among them. A first register import builds the table's indexes again after its COPY: the
-- household index was the costliest of its three builds (docs/performance.md).
drop index if exists register_person_household;
