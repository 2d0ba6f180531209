-- HọcTập foundation: administrative units with history, accounts scoped to units, audit.

-- One row per dated version of an administrative unit (đơn vị hành chính).
-- A version holds for [valid_from, valid_until); valid_until null = still in force.
-- The same code may be reused by a different unit (e.g. 00004 was Phường Trúc Bạch until 30/06/2025
-- and is Phường Ba Đình from 01/07/2025): a unit is identified by code and date.
create table unit_version (
    id           bigserial primary key,
    code         varchar(10)  not null,
    name         text         not null,
    search_key   text         not null,   -- name folded: lower case, no diacritics, đ -> d
    level        varchar(10)  not null check (level in ('city', 'district', 'commune')),
    parent_code  varchar(10),
    valid_from   date         not null,
    valid_until  date,
    source       text         not null,
    check (valid_until is null or valid_until > valid_from),
    unique (code, valid_from)
);
create index unit_version_dates on unit_version (valid_from, valid_until);
create index unit_version_parent on unit_version (parent_code);

-- Succession between units at a reorganisation (sáp nhập): the old unit (the version in force on the
-- day before `effective`) went wholly (full) or in part (partial) into the new unit (in force on `effective`).
create table unit_succession (
    id          bigserial primary key,
    old_code    varchar(10) not null,
    new_code    varchar(10) not null,
    effective   date        not null,
    kind        varchar(10) not null check (kind in ('full', 'partial')),
    source      text        not null,
    unique (old_code, new_code, effective)
);
create index unit_succession_new on unit_succession (new_code);

create table unit_population (
    code        varchar(10) not null,
    year        int         not null,
    population  bigint      not null check (population >= 0),
    source      text        not null,
    primary key (code, year)
);

-- Which reference data sets have been loaded (name + checksum), so loading is done once.
create table reference_load (
    name        text primary key,
    checksum    text        not null,
    loaded_at   timestamptz not null default now()
);

-- Villages and residential groups (thôn, tổ dân phố) under a commune.
create table village (
    id           bigserial primary key,
    commune_code varchar(10) not null,
    name         text        not null,
    search_key   text        not null,
    kind         varchar(20) not null check (kind in ('thon', 'to_dan_pho')),
    valid_from   date        not null,
    valid_until  date,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    version      int         not null default 0
);
create index village_commune on village (commune_code);
create unique index village_name_unique on village (commune_code, search_key) where valid_until is null;

-- Accounts.
create table app_user (
    id            bigserial primary key,
    username      varchar(60)  not null unique,
    display_name  text         not null,
    password_hash text         not null,
    role          varchar(30)  not null check (role in ('CITY_ADMIN', 'CITY_OFFICER', 'COMMUNE_OFFICER',
                                    'ASSOCIATION_MEMBER', 'ORGANISATION_USER', 'CITIZEN')),
    enabled       boolean      not null default true,
    created_at    timestamptz  not null default now()
);

-- The units a user works in: they read and write these units and everything below them.
create table user_scope (
    user_id    bigint      not null references app_user (id) on delete cascade,
    unit_code  varchar(10) not null,
    primary key (user_id, unit_code)
);

-- Audit trail: every write, who, when, and the state before and after.
create table audit_event (
    id           bigserial primary key,
    at           timestamptz not null default now(),
    actor        varchar(60) not null,
    action       varchar(30) not null,
    entity_type  varchar(40) not null,
    entity_id    text        not null,
    unit_code    varchar(10),
    before_state jsonb,
    after_state  jsonb,
    summary      text
);
create index audit_event_at on audit_event (at desc);
create index audit_event_entity on audit_event (entity_type, entity_id);
create index audit_event_actor on audit_event (actor);
