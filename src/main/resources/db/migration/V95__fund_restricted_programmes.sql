-- Quỹ hạn chế cho học bổng mang tên … (issue 13): a scholarship programme may have its own restricted account
-- (a net-assets account 4212.<programme> of its fund). Donations earmarked for the programme are credited to it (and
-- the fund's unrestricted means 4211 debited: the gift is reclassified as restricted); the programme's awards are
-- paid from it (debited, 4211 credited: released from the restriction). The account's balance is what the programme
-- still holds for its awards.
alter table fund_programme add column restricted_account_id bigint references fund_account (id);
create unique index fund_programme_restricted on fund_programme (restricted_account_id) where restricted_account_id is not null;

-- a disbursement paid from a restricted account is an award of that very programme (the purpose is checked in Java
-- against the programme's; here the database refuses any other programme)
alter table fund_disbursement add column restricted_programme_id bigint references fund_programme (id);
alter table fund_disbursement add constraint fund_disbursement_restricted_same_programme
    check (restricted_programme_id is null or restricted_programme_id = programme_id);
