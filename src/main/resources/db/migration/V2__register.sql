-- The population education register (sổ theo dõi phổ cập giáo dục, xóa mù chữ): one row per resident
-- in the register for a data year, with exactly the columns of the exchange format
-- (docs/contracts/register-csv.md) and nothing else: a pseudonymous id, no names, no ID numbers.
create table register_person (
    year                      int          not null,
    person_id                 varchar(100) not null,
    household_id              varchar(100) not null,
    commune_code              varchar(10)  not null,
    village                   text,
    birth_date                varchar(10)  not null,   -- YYYY-MM-DD or YYYY, as given
    birth_year                int          not null,
    sex                       char(1)      not null check (sex in ('M', 'F')),
    ethnicity                 text,
    residence                 varchar(12)  not null,
    disability                varchar(14)  not null,
    enrolment                 varchar(30)  not null,
    grade                     smallint,
    preschool_completed       smallint,
    primary_completed         smallint,
    lower_secondary_diploma   smallint,
    upper_secondary_completed smallint,
    highest_grade_completed   smallint,
    literacy_stage_completed  smallint,
    employed                  boolean,
    qualification             varchar(14),
    digital_skills            varchar(12),
    information_literacy      boolean,
    life_skills               boolean,
    learning_citizen_year     smallint,
    search_key                text         not null,  -- person id, household id and village, folded
    version                   int          not null default 0,
    updated_at                timestamptz  not null default now(),
    primary key (year, person_id)
);
create index register_person_commune on register_person (year, commune_code);
create index register_person_household on register_person (year, household_id);

-- Each import: who, when, which file (name and SHA-256), what it changed. The file itself is not kept.
create table register_import (
    id          bigserial primary key,
    year        int         not null,
    file_name   text        not null,
    sha256      char(64)    not null,
    actor       varchar(60) not null,
    at          timestamptz not null default now(),
    rows        int         not null,
    inserted    int         not null,
    updated     int         not null,
    deleted     int         not null,
    communes    text        not null
);

-- Communes with especially difficult socio-economic conditions (xã ĐBKK) for a data year: lower
-- thresholds apply (Nghị định 20/2014/NĐ-CP). Not in the shipped reference data; set by administrators
-- (and by the synthetic demo data).
create table commune_disadvantaged (
    year  int         not null,
    code  varchar(10) not null,
    primary key (year, code)
);
