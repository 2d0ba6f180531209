-- Issue 15: the parts of a pooled indicator, each with its own numerator and denominator (model.learning_families:
-- families, clans, communities), stored beside the pooled value in indicator_value by the module that computes it.
create table indicator_breakdown (
    indicator_id  varchar(60)  not null,
    part          varchar(30)  not null,
    unit_code     varchar(10)  not null,
    year          int          not null,
    numerator     numeric      not null,
    denominator   numeric      not null,
    updated_at    timestamptz  not null default now(),
    primary key (indicator_id, part, unit_code, year)
);
