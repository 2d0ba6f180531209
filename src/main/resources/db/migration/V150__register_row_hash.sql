-- Issue 18, item 1: a 64-bit hash of each person's columns (PersonColumns.rowHash, computed by the application when
-- it writes the row), so that a re-import tells unchanged persons by one number instead of 23 columns. Rows written
-- before this migration have none (null): an import compares their columns, as before.
alter table register_person add column row_hash bigint;
