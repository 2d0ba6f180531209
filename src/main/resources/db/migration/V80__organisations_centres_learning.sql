-- Issue 12: the complete register of organisations (grown from reporting_organisation), community learning
-- centres (TTHTCĐ) with their courses, sessions and attendance, and each citizen's lifelong learning record.

-- Sổ danh mục cơ quan, tổ chức: every organisation of a commune, not only those that report. Dated: an
-- organisation is in force from valid_from until the day before valid_until (null: still in force).
alter table reporting_organisation
    add column school_level        varchar(20) check (school_level in ('mam_non', 'tieu_hoc', 'thcs', 'thpt', 'lien_cap', 'gdnn_gdtx')),
    add column ownership           varchar(10) not null default 'public' check (ownership in ('public', 'private')),
    add column staff               int check (staff >= 0),            -- headcount (cán bộ, công chức, viên chức)
    add column valid_from          date        not null default current_date,
    add column valid_until         date,
    add column former_commune_code varchar(10),                       -- the commune (old code) before 1/7/2025
    add column synthetic           boolean     not null default false;
alter table reporting_organisation add constraint reporting_organisation_dates check (valid_until is null or valid_until > valid_from);
create index reporting_organisation_kind on reporting_organisation (kind, commune_code);

-- Trung tâm học tập cộng đồng: a centre is a registered organisation of kind 'clc'; its profile.
create table centre_profile (
    organisation_id bigint primary key references reporting_organisation (id),
    director        text,            -- Giám đốc (usually a Phó Chủ tịch UBND xã: QĐ 09/2008 Điều 5, amended)
    staff_count     int  check (staff_count >= 0),
    premises        text,
    equipment       text,
    partners        text,
    updated_at      timestamptz not null default now()
);

-- Cán bộ TTHTCĐ: a CENTRE_OFFICER account works for one centre.
create table centre_officer (
    username        varchar(60) primary key,
    organisation_id bigint      not null references reporting_organisation (id)
);

-- Kế hoạch năm of a centre.
create table centre_plan (
    organisation_id bigint not null references reporting_organisation (id),
    year            int    not null,
    text            text   not null,
    updated_at      timestamptz not null default now(),
    primary key (organisation_id, year)
);

-- Lớp học, khóa học of a centre.
create table centre_course (
    id              bigserial primary key,
    organisation_id bigint      not null references reporting_organisation (id),
    year            int         not null,
    title           text        not null,
    kind            varchar(20) not null check (kind in ('literacy', 'post_literacy', 'vocational', 'digital', 'legal',
                                             'health', 'agriculture', 'language', 'life_skills', 'other')),
    start_date      date        not null,
    end_date        date,
    status          varchar(10) not null default 'open' check (status in ('open', 'closed')),
    anonymous_learners int      not null default 0 check (anonymous_learners >= 0),  -- non-residents: counted only
    closed_at       timestamptz,
    version         int         not null default 0
);
create index centre_course_org on centre_course (organisation_id, year);

-- Học viên: linked to a register person by its pseudonymous id (no name is stored).
create table centre_learner (
    course_id  bigint       not null references centre_course (id),
    person_id  varchar(100) not null,
    completed  boolean,                   -- set when the course is closed
    primary key (course_id, person_id)
);

create table centre_session (
    id         bigserial primary key,
    course_id  bigint       not null references centre_course (id),
    held_on    date         not null,
    hours      numeric(5,2) not null check (hours > 0 and hours <= 24),
    topic      text
);
create index centre_session_course on centre_session (course_id);

create table centre_attendance (
    session_id bigint       not null references centre_session (id),
    person_id  varchar(100) not null,
    present    boolean      not null,
    primary key (session_id, person_id)
);

-- Kinh phí theo nguồn (QĐ 09/2008 Điều 11, as amended: ngân sách, đóng góp, tài trợ…), exact VND.
create table centre_funding (
    id              bigserial primary key,
    organisation_id bigint      not null references reporting_organisation (id),
    year            int         not null,
    source          varchar(20) not null check (source in ('state_budget', 'learner_fees', 'sponsorship', 'association', 'other')),
    amount_vnd      bigint      not null check (amount_vnd >= 0),
    note            text
);

-- Hồ sơ học tập suốt đời: one line per course, class, certificate or qualification of a person (pseudonymous id).
create table learning_entry (
    id              bigserial    primary key,
    person_id       varchar(100) not null,
    commune_code    varchar(10)  not null,           -- the commune whose officers may read it
    title           text         not null,
    kind            varchar(20)  not null check (kind in ('course', 'class', 'certificate', 'qualification')),
    topic           varchar(20)  not null,           -- centre_course.kind values
    provider        text         not null,
    provider_org_id bigint       references reporting_organisation (id),
    start_date      date         not null,
    end_date        date,
    hours           numeric(7,2) not null default 0 check (hours >= 0),
    status          varchar(15)  not null check (status in ('verified', 'self_declared')),
    evidence_name   text,
    evidence        bytea,
    course_id       bigint       references centre_course (id),
    created_by      varchar(60)  not null,
    created_at      timestamptz  not null default now(),
    unique (course_id, person_id)
);
create index learning_entry_person on learning_entry (person_id, start_date);
create index learning_entry_commune on learning_entry (commune_code, start_date);

-- Tài khoản công dân ↔ mã định danh (giả danh) trong sổ: a CITIZEN account sees the record of one person id.
create table learning_citizen_link (
    username     varchar(60)  primary key,
    person_id    varchar(100) not null unique,
    commune_code varchar(10)  not null
);

-- Liên kết chia sẻ: only the SHA-256 of the token is stored.
create table learning_share (
    token_sha256 char(64)     primary key,
    person_id    varchar(100) not null,
    created_at   timestamptz  not null default now(),
    expires_on   date         not null
);

-- Theo dõi sau xóa mù chữ: a person who completed a literacy class, followed in a later year.
create table learning_literacy_followup (
    person_id      varchar(100) not null,
    commune_code   varchar(10)  not null,
    completed_year int          not null,
    follow_year    int          not null check (follow_year > completed_year),
    status         varchar(20)  not null check (status in ('in_class', 'post_literacy', 'retested', 'relapsed', 'not_found')),
    recorded_by    varchar(60)  not null,
    recorded_at    timestamptz  not null default now(),
    primary key (person_id, follow_year)
);
