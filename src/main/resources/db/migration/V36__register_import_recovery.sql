-- Nhập sổ có thể hoàn tác (issue 11): each import that changes the register keeps, for the persons it actually
-- inserted, changed or deleted, what they were before (the whole row as jsonb; nothing for an inserted one), so an
-- officer sees what changed and can undo the import. Kept 30 days (RegisterImportReview.RETENTION), then purged.
alter table register_import
    add column status        varchar(10) not null default 'applied' check (status in ('applied', 'undone')),
    add column first_of_year boolean     not null default false,
    add column undone_at     timestamptz,
    add column undone_by     varchar(60),
    add column images_purged boolean     not null default false;

create table register_import_change (
    import_id bigint       not null references register_import (id) on delete cascade,
    person_id varchar(100) not null,
    change    char(1)      not null check (change in ('I', 'U', 'D')),  -- inserted, updated, deleted
    before    jsonb,                                                     -- the replaced row (U, D)
    primary key (import_id, person_id)
);

-- The import jobs, so that a job interrupted by a crash shows as failed after the restart (and not "running").
create table register_import_job (
    id          varchar(36)  primary key,
    year        int          not null,
    file_name   text         not null,
    actor       varchar(60)  not null,
    state       varchar(12)  not null,
    started_at  timestamptz  not null default now(),
    finished_at timestamptz,
    failure     varchar(60),
    import_id   bigint,
    rows        bigint,
    errors      bigint
);
create index register_import_job_started on register_import_job (started_at desc);
