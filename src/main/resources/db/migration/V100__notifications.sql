-- Thông báo (issue 19): in-app notifications when a dossier or a report moves, and the e-mail address a user gave to
-- receive them (optional; only what the feature needs: no names, the message is a key with its arguments).
create table notification (
    id          bigserial    primary key,
    user_id     bigint       not null references app_user (id) on delete cascade,
    message_key varchar(100) not null,
    args        text[]       not null default '{}',
    link        varchar(300),
    created_at  timestamptz  not null default now(),
    read_at     timestamptz
);
create index notification_user_idx on notification (user_id, created_at desc);
create index notification_unread_idx on notification (user_id) where read_at is null;

create table notification_email (
    user_id    bigint       primary key references app_user (id) on delete cascade,
    email      varchar(254) not null,
    updated_at timestamptz  not null default now()
);
