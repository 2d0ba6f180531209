-- The yearly cycle of Nghị quyết 23-NQ/TU (module vn.hoctap.cycle, docs/cycle.md): implementation plans,
-- targets per commune, inspection (kiểm tra, giám sát), recognition decisions and the national title.

-- Files attached to plans, findings and decisions (small: ≤ 5 MB each), stored in the database.
create table cycle_document (
    id            bigserial primary key,
    owner_kind    varchar(20)  not null check (owner_kind in ('plan', 'finding', 'decision', 'national_title')),
    owner_id      bigint       not null,
    file_name     varchar(255) not null,
    content_type  varchar(120) not null,
    size_bytes    int          not null,
    sha256        char(64)     not null,
    content       bytea        not null,
    uploaded_by   varchar(100) not null,
    uploaded_at   timestamptz  not null default now()
);
create index cycle_document_owner on cycle_document (owner_kind, owner_id);

-- Kế hoạch thực hiện: one plan per level (city, commune, organisation) and period.
create table cycle_plan (
    id              bigserial primary key,
    level           varchar(12)  not null check (level in ('CITY', 'COMMUNE', 'ORGANISATION')),
    unit_code       varchar(10)  not null,
    organisation    varchar(200),
    period_from     int          not null,
    period_to       int          not null check (period_to >= period_from),
    title           varchar(300) not null,
    document_number varchar(60),
    derived_from    bigint references cycle_plan (id),
    created_by      bigint       not null,
    created_at      timestamptz  not null default now()
);
create index cycle_plan_unit on cycle_plan (unit_code);

create table cycle_plan_action (
    id            bigserial primary key,
    plan_id       bigint       not null references cycle_plan (id) on delete cascade,
    position      int          not null,
    what          text         not null,
    who           varchar(300) not null,
    start_on      date         not null,
    due_on        date         not null check (due_on >= start_on),
    budget_vnd    bigint       not null default 0 check (budget_vnd >= 0),
    indicators    text         not null default '',   -- indicator ids, comma separated
    status        varchar(12)  not null default 'NOT_STARTED'
                  check (status in ('NOT_STARTED', 'IN_PROGRESS', 'DONE', 'DELAYED', 'CANCELLED')),
    derived_from  bigint references cycle_plan_action (id)
);
create index cycle_plan_action_plan on cycle_plan_action (plan_id);

create table cycle_plan_update (
    id          bigserial primary key,
    action_id   bigint       not null references cycle_plan_action (id) on delete cascade,
    status      varchar(12)  not null,
    note        text         not null,
    by_user     varchar(100) not null,
    at          timestamptz  not null default now()
);

-- Chỉ tiêu của từng xã, phường: the city proposes a default from the commune's baseline, the commune may
-- propose a change, the city approves it. `spec` is the target in force.
create table cycle_commune_target (
    indicator_id    varchar(60)  not null,
    unit_code       varchar(10)  not null,
    target_year     int          not null,
    spec            text         not null,
    basis           text         not null,   -- how the default was set (baseline value and year)
    state           varchar(10)  not null check (state in ('DEFAULT', 'PROPOSED', 'APPROVED', 'REJECTED')),
    proposed_spec   text,
    proposed_reason text,
    proposed_by     varchar(100),
    decided_by      varchar(100),
    updated_at      timestamptz  not null default now(),
    primary key (indicator_id, unit_code, target_year)
);

-- Kiểm tra: checklists as versions (one per subject), yearly rounds, teams, visits, findings, actions.
create table cycle_checklist (
    id          bigserial primary key,
    subject     varchar(10)  not null check (subject in ('COMMUNE', 'CENTRE', 'SCHOOL', 'FUND')),
    version     int          not null,
    items       text         not null,   -- one item a line: code|wording
    source      text         not null,
    created_at  timestamptz  not null default now(),
    unique (subject, version)
);

create table cycle_round (
    id          bigserial primary key,
    year        int          not null,
    name        varchar(300) not null,
    created_by  bigint       not null,
    created_at  timestamptz  not null default now()
);

create table cycle_team_member (
    round_id    bigint       not null references cycle_round (id) on delete cascade,
    username    varchar(100) not null,
    primary key (round_id, username)
);

create table cycle_visit (
    id              bigserial primary key,
    round_id        bigint       not null references cycle_round (id),
    unit_code       varchar(10)  not null,
    subject         varchar(10)  not null,
    subject_name    varchar(300) not null,
    checklist_id    bigint       not null references cycle_checklist (id),
    scheduled_on    date         not null,
    status          varchar(10)  not null default 'PLANNED' check (status in ('PLANNED', 'RECORDED')),
    submission_key  varchar(64)  unique,  -- idempotency key of the (offline) submission
    summary         text,
    recorded_by     varchar(100),
    recorded_at     timestamptz
);
create index cycle_visit_round on cycle_visit (round_id);

create table cycle_finding (
    id          bigserial primary key,
    visit_id    bigint       not null references cycle_visit (id),
    item_code   varchar(20)  not null,
    rating      varchar(10)  not null check (rating in ('GOOD', 'MET', 'NOT_MET')),
    note        text         not null default '',
    unique (visit_id, item_code)
);

create table cycle_action (
    id            bigserial primary key,
    finding_id    bigint       not null references cycle_finding (id),
    unit_code     varchar(10)  not null,
    what          text         not null,
    owner         varchar(300) not null,
    deadline      date         not null,
    status        varchar(10)  not null default 'OPEN' check (status in ('OPEN', 'CLOSED')),
    closed_note   text,
    closed_by     varchar(100),
    closed_at     timestamptz
);
create index cycle_action_unit on cycle_action (unit_code);

create table cycle_action_update (
    id          bigserial primary key,
    action_id   bigint       not null references cycle_action (id),
    status      varchar(10)  not null,
    note        text         not null,
    by_user     varchar(100) not null,
    at          timestamptz  not null default now()
);

-- Quyết định công nhận: the legal decisions, kept apart from the platform's computed "meets".
create table cycle_decision (
    id            bigserial primary key,
    kind          varchar(20)  not null check (kind in ('PCGD_XMC', 'LEARNING_COMMUNITY', 'LEARNING_TITLE', 'CITY_TITLE')),
    unit_code     varchar(10)  not null,
    standard      varchar(20),            -- for PCGD_XMC: XMC2, TH3, THCS3, MN5
    subject       varchar(300) not null,  -- what is recognised, in words ("Cộng đồng học tập cấp xã mức độ 1")
    year          int          not null,
    number        varchar(60)  not null,  -- số quyết định, e.g. 123/QĐ-UBND
    issued_on     date         not null,
    issuer        varchar(300) not null,  -- cơ quan ban hành
    recorded_by   varchar(100) not null,
    recorded_at   timestamptz  not null default now(),
    unique (number, issuer, unit_code, kind)
);
create index cycle_decision_unit on cycle_decision (unit_code, year);

-- Danh hiệu "Thành phố học tập" cấp quốc gia: a record of its own. GNLC membership is not this title.
create table cycle_national_title (
    id            bigserial primary key,
    title         varchar(300) not null,
    number        varchar(60)  not null,
    issued_on     date         not null,
    issuer        varchar(300) not null,
    recorded_by   varchar(100) not null,
    recorded_at   timestamptz  not null default now()
);

-- V4 treated GNLC membership as the national "Thành phố học tập" title; it is not (GNLC membership is recorded by
-- the gnlc module). model.learning_city now reports the national title only, from cycle_national_title.
delete from indicator_value where indicator_id = 'model.learning_city' and source like 'UNESCO GNLC%';
