-- Issue 15: an organisation is either under the commune's management (UNIT: "Đơn vị học tập ở cơ sở thuộc xã quản lý",
-- QĐ 448/QĐ-KHVN, recognised by the commune) or at city level (CITY_UNIT: Thông tư 24/2023/TT-BGDĐT, recognised by
-- the city). Existing organisation dossiers stay UNIT, i.e. now decided by their commune (docs/titles.md §4).
alter table titles_evaluation drop constraint if exists titles_evaluation_subject_type_check;
alter table titles_evaluation add constraint titles_evaluation_subject_type_check
    check (subject_type in ('CITIZEN', 'FAMILY', 'CLAN', 'COMMUNITY', 'UNIT', 'COMMUNE', 'CITY_UNIT'));
