-- The roles of the access matrix (accounts.AccessMatrix): centre officers, the fund's accountant and chair,
-- auditors and inspectors join the six roles of V1.
alter table app_user drop constraint if exists app_user_role_check;
alter table app_user add constraint app_user_role_check check (role in ('CITY_ADMIN', 'CITY_OFFICER',
    'COMMUNE_OFFICER', 'ASSOCIATION_MEMBER', 'ORGANISATION_USER', 'CITIZEN', 'CENTRE_OFFICER', 'FUND_ACCOUNTANT',
    'ASSOCIATION_CHAIR', 'AUDITOR', 'INSPECTOR'));
