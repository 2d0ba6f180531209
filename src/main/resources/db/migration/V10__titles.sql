-- Danh hiệu học tập (issue 6): criteria-set versions, yearly campaigns, evaluations, scores, evidence files,
-- the state history and certificates. See docs/titles.md.

-- A criteria set version as used by evaluations: the exact text (format of docs/titles.md) and its SHA-256.
-- Built-in sets are copied here on start; a city administrator publishes new versions (status 'published').
create table titles_criteria_set (
    id          bigserial primary key,
    set_id      varchar(40)  not null,
    version     int          not null,
    kind        varchar(20)  not null,
    title       text         not null,
    text        text         not null,
    sha256      char(64)     not null,
    unverified  boolean      not null,
    created_by  varchar(60)  not null,
    created_at  timestamptz  not null default now(),
    unique (set_id, version)
);

-- Đợt đánh giá, công nhận hằng năm: one title kind in one unit (a commune, or the city "01" for the commune
-- learning-community title), with the deadlines of each step (inclusive, Hà Nội dates).
create table titles_campaign (
    id                  bigserial primary key,
    year                int          not null,
    kind                varchar(20)  not null,
    unit_code           varchar(10)  not null,
    name                text         not null,
    registration_until  date         not null,
    assessment_until    date         not null,
    review_until        date         not null,
    decision_until      date         not null,
    created_by          varchar(60)  not null,
    created_at          timestamptz  not null default now(),
    unique (year, kind, unit_code)
);

-- One subject's evaluation in a campaign (hồ sơ đánh giá): who is assessed, with which criteria-set version
-- (id and hash kept), its status in the workflow, and the certificate once published.
create table titles_evaluation (
    id                 bigserial primary key,
    campaign_id        bigint       not null references titles_campaign (id),
    subject_type       varchar(12)  not null check (subject_type in ('CITIZEN', 'FAMILY', 'CLAN', 'COMMUNITY', 'UNIT', 'COMMUNE')),
    subject_name       text         not null,
    commune_code       varchar(10)  not null,
    village_id         bigint,
    household_id       varchar(100),           -- a family's household in the register (automatic criteria)
    criteria_set_id    bigint       not null references titles_criteria_set (id),
    criteria_sha256    char(64)     not null,
    status             varchar(14)  not null check (status in ('REGISTERED', 'SELF_ASSESSED', 'REVIEWED', 'RECOGNISED',
                                                                'PUBLISHED', 'REJECTED', 'REVOKED')),
    contact            text,                   -- phone or e-mail of a self-registered citizen (to reach them; in the credential only hashed)
    contact_type       varchar(12),            -- emailAddress | phone
    national_id_hmac   char(64),               -- HMAC-SHA-256 of a national ID number, never the number
    total              int,
    max_total          int,
    passed             boolean,
    reason             text,                   -- reason of a rejection or revocation
    verification_code  varchar(40)  unique,
    credential_id      text,
    credential_jwt     text,
    published_at       timestamptz,
    created_by         varchar(60)  not null,
    created_at         timestamptz  not null default now(),
    version            int          not null default 0
);
create index titles_evaluation_campaign on titles_evaluation (campaign_id, status);
create index titles_evaluation_commune on titles_evaluation (commune_code);

-- Points per indicator; automatic ones carry the evidence the platform computed them from.
create table titles_score (
    evaluation_id  bigint      not null references titles_evaluation (id) on delete cascade,
    indicator_id   varchar(20) not null,
    points         int         not null,
    automatic      boolean     not null default false,
    evidence       text,
    primary key (evaluation_id, indicator_id)
);

-- Minh chứng: evidence files, kept in the database (size and type limited by the application).
create table titles_evidence_file (
    id             bigserial primary key,
    evaluation_id  bigint       not null references titles_evaluation (id) on delete cascade,
    file_name      text         not null,
    content_type   varchar(100) not null,
    size           int          not null,
    content        bytea        not null,
    uploaded_by    varchar(60)  not null,
    uploaded_at    timestamptz  not null default now()
);

-- Every change of status: from, to, who, when, why.
create table titles_history (
    id             bigserial primary key,
    evaluation_id  bigint       not null references titles_evaluation (id) on delete cascade,
    from_status    varchar(14),
    to_status      varchar(14)  not null,
    actor          varchar(60)  not null,
    reason         text,
    at             timestamptz  not null default now()
);
create index titles_history_evaluation on titles_history (evaluation_id);

-- The secret link of a resident's own self-assessment (only its SHA-256 is kept).
alter table titles_evaluation add column public_token_sha256 char(64) unique;
