-- Targets of Nghị quyết 23-NQ/TU (and the national ones for comparison), first-class and editable:
-- one row per indicator, unit, year and scope. Seeded from indicators/nq23-targets.txt on first start;
-- administrators edit them (audited) and set the 2030 ones.
create table indicator_target (
    indicator_id  varchar(60) not null,
    unit_code     varchar(10) not null,
    year          int         not null,
    scope         varchar(10) not null check (scope in ('nq23', 'national')),
    spec          text        not null,   -- "≥ 99.5", "> 80", "75-80", "100", "met", "registered"
    wording_vi    text        not null,   -- the original wording
    rebased_vi    text,                   -- re-based wording where districts no longer exist
    source        text,
    updated_at    timestamptz not null default now(),
    primary key (indicator_id, unit_code, year, scope)
);

-- Values that do not come from the register: reported through forms, supplied by other modules, or
-- recorded by the city. (Register- and standards-derived values are computed, never stored.)
create table indicator_value (
    indicator_id  varchar(60)  not null,
    unit_code     varchar(10)  not null,
    year          int          not null,
    numerator     numeric,
    denominator   numeric,
    value         numeric      not null,
    source        text         not null,
    estimated     boolean      not null default false,
    updated_at    timestamptz  not null default now(),
    primary key (indicator_id, unit_code, year)
);
