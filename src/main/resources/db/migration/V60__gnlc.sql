-- UNESCO Global Network of Learning Cities (module gnlc, docs/gnlc.md): the membership record, the features the city
-- adds to the Key Features, evidence, international cooperation, questionnaires and their bilingual answers.

create table gnlc_membership (
    city_code     text primary key,
    member_since  date not null,
    source        text not null,
    verification  text not null check (verification in ('V', 'S', 'U', 'C')),
    recorded_at   timestamptz not null default now()
);
-- UNESCO announced 72 new members on 4 December 2025, Hà Nội among them [V] (unesco-gnlc.md §0).
insert into gnlc_membership (city_code, member_since, source, verification) values ('01', date '2025-12-04',
    'UNESCO GNLC, 72 thành viên mới công bố ngày 4/12/2025 / 72 new members announced on 4 December 2025: '
    || 'https://hanoicapital.chinhphu.vn/english/ha-noi-joins-unescos-global-network-of-learning-cities-110251205111021866.htm', 'V');

create table gnlc_feature (
    code             text primary key,
    area_code        text not null,
    wording_vi       text not null,
    wording_en       text not null,
    measurements_vi  text,
    measurements_en  text,
    source           text not null,
    verification     text not null check (verification in ('V', 'S', 'U', 'C')),
    created_by       text not null,
    created_at       timestamptz not null default now()
);

create table gnlc_evidence (
    id              bigserial primary key,
    target_code     text not null,
    kind            text not null check (kind in ('DOCUMENT', 'PRACTICE', 'EVENT', 'PARTNERSHIP', 'PHOTO')),
    title_vi        text not null,
    title_en        text,
    description_vi  text,
    description_en  text,
    date_from       date not null,
    date_to         date,
    owner           text not null,
    language        text not null check (language in ('vi', 'en')),
    unit_code       text not null,
    link            text,
    file_name       text,
    file_type       text,
    file_bytes      bytea,
    created_by      text not null,
    created_at      timestamptz not null default now(),
    check (date_to is null or date_to >= date_from)
);
create index gnlc_evidence_target on gnlc_evidence (target_code);

create table gnlc_cooperation (
    id           bigserial primary key,
    kind         text not null check (kind in ('PARTNER_CITY', 'CLUSTER', 'VISIT', 'JOINT_PROJECT')),
    partner      text not null,
    country      text,
    title_vi     text not null,
    title_en     text,
    date_from    date not null,
    date_to      date,
    outcomes_vi  text,
    outcomes_en  text,
    target_code  text not null,
    created_by   text not null,
    created_at   timestamptz not null default now(),
    check (date_to is null or date_to >= date_from)
);

create table gnlc_questionnaire (
    code       text primary key,
    version    int not null,
    kind       text not null check (kind in ('BIENNIAL', 'AWARD')),
    sample     boolean not null,
    title_vi   text not null,
    title_en   text not null,
    source     text not null,
    file_text  text not null,
    loaded_by  text not null,
    loaded_at  timestamptz not null default now()
);

create table gnlc_answer (
    questionnaire_code  text not null references gnlc_questionnaire (code),
    number              int not null,
    text_vi             text not null default '',
    text_en             text not null default '',
    status              text not null check (status in ('DRAFT', 'APPROVED')),
    updated_by          text not null,
    updated_at          timestamptz not null default now(),
    approved_by         text,
    approved_at         timestamptz,
    primary key (questionnaire_code, number)
);
