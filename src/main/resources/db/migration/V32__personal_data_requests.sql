-- Yêu cầu của chủ thể dữ liệu (Luật 91/2025/QH15, Art. 4(1)(c): access, view and request rectification): a person's
-- request to correct what the platform holds about them, answered by an officer of their commune (or the city).
-- Kept with the account; the text is the person's own words and is never logged.
create table personal_data_request (
    id            bigserial    primary key,
    user_id       bigint       not null references app_user (id),
    username      varchar(60)  not null,
    unit_code     varchar(10)  not null,                -- the commune that answers (the account's first scope)
    section       varchar(40)  not null,                -- which part of "Dữ liệu của tôi" it is about
    request_text  text         not null check (length(request_text) between 1 and 4000),
    status        varchar(12)  not null default 'OPEN' check (status in ('OPEN', 'CORRECTED', 'REFUSED')),
    answer_text   text,
    answered_by   varchar(60),
    created_at    timestamptz  not null default now(),
    acknowledge_by date        not null,                 -- 2 working days [S]
    answer_by     date         not null,                 -- the platform's deadline (docs/privacy.md)
    answered_at   timestamptz
);
create index personal_data_request_unit on personal_data_request (unit_code, status);
create index personal_data_request_user on personal_data_request (user_id);
