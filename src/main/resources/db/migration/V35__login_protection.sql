-- Bảo vệ đăng nhập (issue 11): every failed sign-in (form or HTTP Basic) with the username tried, the client
-- address and the time; never the password. Kept 180 days (LoginProtection purges older rows).
create table login_failure (
    id             bigserial    primary key,
    at             timestamptz  not null default now(),
    username_tried varchar(100) not null,
    client         varchar(64)  not null,
    channel        varchar(10)  not null check (channel in ('form', 'basic')),
    outcome        varchar(10)  not null check (outcome in ('wrong', 'refused'))
);
create index login_failure_at on login_failure (at desc);
create index login_failure_username on login_failure (username_tried, at desc);

-- The throttling state of each username tried (lower-cased): consecutive failures, the last one, and a
-- temporary lockout that expires by itself or is lifted by an administrator.
create table login_account_state (
    username     varchar(100) primary key,
    failures     int          not null,
    last_failure timestamptz  not null,
    locked_until timestamptz
);
