-- Reported data (issue 5): organisations under their commune, their users, yearly reports of a data set
-- with their approval state, the values, the history of every state and value change, and the mapping of
-- HọcTập codes to a DHIS2 instance's ids. The data sets themselves are shipped as reporting/datasets.txt.

create table reporting_organisation (
    id            bigserial    primary key,
    code          varchar(40)  not null unique,      -- e.g. CQ-00004-001 (kind prefix, commune, number)
    name          text         not null,
    kind          varchar(20)  not null check (kind in ('agency', 'school', 'university', 'clc', 'enterprise')),
    commune_code  varchar(10)  not null,
    created_at    timestamptz  not null default now()
);
create index reporting_organisation_commune on reporting_organisation (commune_code);

-- Người dùng của đơn vị: an ORGANISATION_USER account reports for one organisation.
create table reporting_organisation_member (
    username         varchar(60) primary key,
    organisation_id  bigint      not null references reporting_organisation (id)
);

create table reporting_report (
    id               bigserial    primary key,
    data_set         varchar(40)  not null,
    period           int          not null,             -- the year
    organisation_id  bigint       not null references reporting_organisation (id),
    state            varchar(20)  not null check (state in ('draft', 'submitted', 'accepted', 'approved')),
    message          text,                              -- the last rejection's message, while in draft
    version          int          not null default 0,
    updated_at       timestamptz  not null default now(),
    unique (data_set, period, organisation_id)
);

create table reporting_value (
    report_id       bigint       not null references reporting_report (id),
    element         varchar(60)  not null,
    value           numeric,                    -- yes/no as 1/0; null = not entered
    approved_value  numeric,                    -- what the indicators use, set on approval
    unlocked        boolean      not null default false,
    unlock_reason   text,
    primary key (report_id, element)
);

-- Lịch sử: every state change (kind 'state') and value change (kind 'value') of a report.
create table reporting_history (
    id            bigserial    primary key,
    report_id     bigint       not null references reporting_report (id),
    at            timestamptz  not null default now(),
    actor         varchar(60)  not null,
    kind          varchar(10)  not null check (kind in ('state', 'value', 'unlock')),
    element       varchar(60),
    before_value  text,
    after_value   text,
    message       text
);
create index reporting_history_report on reporting_history (report_id, id);

-- Mapping to a DHIS2 instance: data elements and organisation units (HọcTập code ↔ DHIS2 uid).
create table reporting_dhis2_mapping (
    kind      varchar(20)  not null check (kind in ('data_element', 'org_unit')),
    code      varchar(60)  not null,
    dhis2_id  varchar(60)  not null,
    primary key (kind, code),
    unique (kind, dhis2_id)
);
