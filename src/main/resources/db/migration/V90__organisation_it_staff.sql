-- Issue 12 (b): the register of organisations holds an agency's dedicated IT and information-security headcount
-- (số cán bộ chuyên trách CNTT, ATTT), the denominator a non-reporting agency adds to cs.infosec_trained, as `staff`
-- is for cs.digital_basic and cs.data_skills. Optional (null: unknown), as in organisations-csv.md version 2.
alter table reporting_organisation add column it_staff int check (it_staff >= 0);
alter table reporting_organisation add constraint reporting_organisation_it_staff check (it_staff is null or staff is null or it_staff <= staff);
