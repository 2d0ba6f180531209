-- Quỹ khuyến học, khuyến tài (issue 13): a double-entry ledger whose rules the DATABASE enforces, not only Java:
--   * every entry balances (sum of debits = sum of credits, at least two lines): a deferred constraint trigger
--     checks each entry at commit;
--   * posted entries and lines are immutable (UPDATE and DELETE refused): corrections are reversing entries;
--   * lines can be added to an entry only in the transaction that created it;
--   * a closed period (month) takes no entry; closing waits for the postings in flight (advisory lock);
--   * the totals frozen at closing (the baseline of each balance) are immutable too.

create table fund (
    id                 bigserial primary key,
    code               text not null unique check (code ~ '^[a-z0-9-]{2,40}$'),
    name               text not null,
    unit_code          text not null,
    owner_kind         text not null check (owner_kind in ('CITY_ASSOCIATION', 'COMMUNE_ASSOCIATION', 'VILLAGE', 'CLAN',
                                                          'ORGANISATION', 'SCHOOL')),
    approval_limit_vnd bigint not null default 50000000 check (approval_limit_vnd > 0),
    created_at         timestamptz not null default now()
);

create table fund_account (
    id      bigserial primary key,
    fund_id bigint not null references fund (id),
    code    text not null,
    name    text not null,
    kind    text not null check (kind in ('ASSET', 'LIABILITY', 'NET_ASSETS', 'INCOME', 'EXPENSE')),
    unique (fund_id, code),
    unique (fund_id, id)
);

create table fund_period (
    fund_id   bigint not null references fund (id),
    period    int    not null check (period % 100 between 1 and 12),   -- yyyymm
    closed_at timestamptz not null default now(),
    closed_by text not null,
    primary key (fund_id, period)
);

create table fund_entry (
    id              bigserial primary key,
    fund_id         bigint not null references fund (id),
    entry_date      date   not null,
    period          int    not null,
    description     text   not null,
    idempotency_key text   not null unique,
    request_hash    text   not null,
    reverses        bigint unique references fund_entry (id),
    source_kind     text   not null check (source_kind in ('MANUAL', 'RECEIPT', 'DISBURSEMENT', 'BANK', 'REVERSAL', 'OPENING')),
    source_id       bigint,
    posted_by       text   not null,
    posted_at       timestamptz not null default now(),
    posted_tx       bigint not null default txid_current(),
    check (period = extract(year from entry_date)::int * 100 + extract(month from entry_date)::int),
    unique (id, fund_id, period)
);
create index fund_entry_fund_period on fund_entry (fund_id, period);

create table fund_line (
    id         bigserial primary key,
    entry_id   bigint not null,
    fund_id    bigint not null,
    period     int    not null,
    account_id bigint not null,
    debit      bigint not null default 0 check (debit >= 0),
    credit     bigint not null default 0 check (credit >= 0),
    check ((debit = 0) <> (credit = 0)),
    -- a line belongs to its entry's fund and month, and names an account of that fund
    foreign key (entry_id, fund_id, period) references fund_entry (id, fund_id, period),
    foreign key (fund_id, account_id) references fund_account (fund_id, id)
);
create index fund_line_entry on fund_line (entry_id);
create index fund_line_fund_period on fund_line (fund_id, period, account_id) include (debit, credit);

-- the totals of a closed month per account: the baseline of the balances, frozen
create table fund_period_total (
    fund_id    bigint not null,
    period     int    not null,
    account_id bigint not null references fund_account (id),
    debit      bigint not null,
    credit     bigint not null,
    primary key (fund_id, period, account_id),
    foreign key (fund_id, period) references fund_period (fund_id, period)
);

create or replace function fund_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'FUND_IMMUTABLE: % of % is refused: posted ledger rows never change (reverse the entry instead)',
        tg_op, tg_table_name using errcode = 'P0001';
end $$;

create trigger fund_entry_immutable before update or delete on fund_entry
    for each row execute function fund_refuse_change();
create trigger fund_line_immutable before update or delete on fund_line
    for each row execute function fund_refuse_change();
create trigger fund_period_immutable before update or delete on fund_period
    for each row execute function fund_refuse_change();
create trigger fund_period_total_immutable before update or delete on fund_period_total
    for each row execute function fund_refuse_change();
create trigger fund_entry_no_truncate before truncate on fund_entry
    for each statement execute function fund_refuse_change();
create trigger fund_line_no_truncate before truncate on fund_line
    for each statement execute function fund_refuse_change();

-- the advisory lock key of a fund: postings take it shared, closing takes it exclusive (so a closing waits for the
-- postings in flight, and the postings that follow see the closed period)
create or replace function fund_lock_key(p_fund bigint) returns bigint language sql immutable as $$
    select (4040::bigint << 40) | p_fund
$$;

create or replace function fund_entry_open_period() returns trigger language plpgsql as $$
declare
    r_fund bigint;
begin
    -- a key already posted: nothing inserted (the service then returns the entry posted the first time)
    if exists (select 1 from fund_entry where idempotency_key = new.idempotency_key) then
        return null;
    end if;
    perform pg_advisory_xact_lock_shared(fund_lock_key(new.fund_id));
    -- closing a month closes every earlier month too
    if exists (select 1 from fund_period where fund_id = new.fund_id and period >= new.period) then
        raise exception 'FUND_PERIOD_CLOSED: period % of fund % is closed', new.period, new.fund_id using errcode = 'P0001';
    end if;
    if new.reverses is not null then
        select fund_id into r_fund from fund_entry where id = new.reverses and reverses is null;
        if r_fund is null or r_fund <> new.fund_id then
            raise exception 'FUND_BAD_REVERSAL: entry % cannot be reversed by this entry', new.reverses using errcode = 'P0001';
        end if;
    end if;
    new.posted_tx := txid_current();
    return new;
end $$;
create trigger fund_entry_open_period before insert on fund_entry
    for each row execute function fund_entry_open_period();

create or replace function fund_line_same_tx() returns trigger language plpgsql as $$
begin
    -- fund, month and account are checked by the foreign keys; here: only in the transaction that posted the entry
    if (select posted_tx from fund_entry where id = new.entry_id) is distinct from txid_current() then
        raise exception 'FUND_IMMUTABLE: entry % is posted; its lines cannot change', new.entry_id using errcode = 'P0001';
    end if;
    return new;
end $$;
create trigger fund_line_same_tx before insert on fund_line
    for each row execute function fund_line_same_tx();

-- checked at commit, once per entry: the entry row's trigger sees all its lines
create or replace function fund_entry_balanced() returns trigger language plpgsql as $$
declare
    d bigint;
    c bigint;
    n int;
begin
    select coalesce(sum(debit), 0), coalesce(sum(credit), 0), count(*) into d, c, n from fund_line where entry_id = new.id;
    if n < 2 or d <> c or d = 0 then
        raise exception 'FUND_UNBALANCED: entry % does not balance (debits %, credits %, % lines)', new.id, d, c, n
            using errcode = 'P0001';
    end if;
    return null;
end $$;
create constraint trigger fund_entry_balanced after insert on fund_entry
    deferrable initially deferred for each row execute function fund_entry_balanced();

-- ---------------------------------------------------------------- donors, pledges, receipts
create table fund_donor (
    id            bigserial primary key,
    fund_id       bigint not null references fund (id),
    kind          text not null check (kind in ('PERSON', 'ORGANISATION', 'OVERSEAS', 'ANONYMOUS')),
    name          text,
    publish_name  boolean not null default false,
    username      text,                       -- a citizen's account: sees own donations and receipts
    created_at    timestamptz not null default now(),
    check (kind <> 'ANONYMOUS' or (name is null and not publish_name))
);

create table fund_programme (
    id          bigserial primary key,
    fund_id     bigint not null references fund (id),
    name        text not null,
    year        int not null,
    purpose     text not null,
    criteria    text not null,
    budget_vnd  bigint not null check (budget_vnd > 0),
    created_by  text not null,
    created_at  timestamptz not null default now()
);

create table fund_pledge (
    id          bigserial primary key,
    fund_id     bigint not null references fund (id),
    donor_id    bigint not null references fund_donor (id),
    amount_vnd  bigint not null check (amount_vnd > 0),
    due_date    date,
    note        text,
    created_by  text not null,
    created_at  timestamptz not null default now()
);

create table fund_receipt (
    id                bigserial primary key,
    fund_id           bigint not null references fund (id),
    number            text not null unique,
    verification_code text not null unique,
    idempotency_key   text not null unique,
    receipt_date      date not null,
    donor_id          bigint not null references fund_donor (id),
    form              text not null check (form in ('CASH', 'BANK', 'IN_KIND')),
    currency          text not null default 'VND' check (currency ~ '^[A-Z]{3}$'),
    foreign_amount    numeric(18, 2),
    rate              numeric(18, 6),
    rate_source       text,
    amount_vnd        bigint not null check (amount_vnd > 0),
    in_kind_description text,
    valuation_basis   text,
    programme_id      bigint references fund_programme (id),
    pledge_id         bigint references fund_pledge (id),
    bank_ref          text,
    note              text,
    entry_id          bigint not null references fund_entry (id),
    prepared_by       text not null,
    created_at        timestamptz not null default now(),
    unique (fund_id, bank_ref),
    check (currency = 'VND' or (foreign_amount is not null and rate is not null and rate_source is not null)),
    check (form <> 'IN_KIND' or (in_kind_description is not null and valuation_basis is not null))
);
create index fund_receipt_fund on fund_receipt (fund_id, receipt_date);

create table fund_receipt_counter (
    fund_id bigint not null references fund (id),
    year    int not null,
    last    int not null,
    primary key (fund_id, year)
);

-- ---------------------------------------------------------------- disbursements (maker-checker)
create table fund_disbursement (
    id                bigserial primary key,
    fund_id           bigint not null references fund (id),
    idempotency_key   text not null unique,
    purpose           text not null check (purpose in ('SCHOLARSHIP', 'AWARD', 'POOR_LEARNER_SUPPORT', 'CENTRE', 'CEREMONY', 'OTHER')),
    programme_id      bigint references fund_programme (id),
    beneficiary_kind  text not null check (beneficiary_kind in ('PERSON', 'ORGANISATION')),
    beneficiary_ref   text not null,           -- a register person's pseudonymous id, or an organisation's name
    amount_vnd        bigint not null check (amount_vnd > 0),
    paid_from         text not null check (paid_from in ('CASH', 'BANK', 'IN_KIND')),
    decision_number   text not null,
    decision_date     date not null,
    decision_signer   text not null,
    note              text,
    status            text not null check (status in ('PREPARED', 'AWAITING_SECOND', 'APPROVED', 'REJECTED')),
    prepared_by       text not null,
    prepared_at       timestamptz not null default now(),
    first_approver    text,
    approved_by       text,
    approved_at       timestamptz,
    rejected_reason   text,
    entry_id          bigint references fund_entry (id),
    paid_on           date,
    bank_ref          text,
    check (prepared_by is distinct from first_approver and prepared_by is distinct from approved_by),
    check (status <> 'APPROVED' or entry_id is not null)
);
create index fund_disbursement_fund on fund_disbursement (fund_id, status);

-- ---------------------------------------------------------------- bank statement imports
create table fund_bank_import (
    id            bigserial primary key,
    fund_id       bigint not null references fund (id),
    file_hash     text not null,
    file_name     text not null,
    lines         int not null,
    matched       int not null,
    created       int not null,
    imported_by   text not null,
    imported_at   timestamptz not null default now()
);

-- ---------------------------------------------------------------- the association (Hội Khuyến học)
create table association_branch (
    id          bigserial primary key,
    unit_code   text not null,
    name        text not null,
    kind        text not null check (kind in ('VILLAGE', 'CLAN', 'ORGANISATION', 'SCHOOL', 'COMMUNE')),
    founded     date,
    created_at  timestamptz not null default now()
);

create table association_year (
    branch_id   bigint not null references association_branch (id),
    year        int not null,
    members     int not null check (members >= 0),
    dues_vnd    bigint not null check (dues_vnd >= 0),
    primary key (branch_id, year)
);

-- a receipt is a posted document: corrected by reversing its entry, never edited
create trigger fund_receipt_immutable before update or delete on fund_receipt
    for each row execute function fund_refuse_change();
