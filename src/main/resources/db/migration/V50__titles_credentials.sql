-- Issue 16: every issued credential with its stable place in the W3C Bitstring Status List (status_index:
-- list = index / 131072 + 1, bit = index mod 131072), and the OpenID4VCI pre-authorized offers to wallets.

create sequence titles_status_index_seq minvalue 0 start with 0;

create table titles_credential (
    id             varchar(60)  primary key,       -- urn:uuid:… (the JWT jti)
    evaluation_id  bigint       not null references titles_evaluation (id),
    status_index   integer      not null unique default nextval('titles_status_index_seq'),
    form           varchar(10)  not null check (form in ('vc-claim', 'ob3')),  -- vc-claim: issued before issue 16
    holder         text,                             -- the wallet's DID when issued through OpenID4VCI, else null
    jwt            text         not null,
    issued_at      timestamptz  not null default now()
);
create index titles_credential_evaluation on titles_credential (evaluation_id);

-- credentials issued before this migration keep verifying: each gets an index too (their status is the 1EdTech list)
insert into titles_credential (id, evaluation_id, form, jwt, issued_at)
select credential_id, id, 'vc-claim', credential_jwt, coalesce(published_at, now())
from titles_evaluation where credential_id is not null and credential_jwt is not null
order by id;

-- A credential offer (OpenID4VCI 1.0 §4.1, pre-authorized code flow): only SHA-256 of the codes and tokens are kept.
create table titles_wallet_offer (
    id                  bigserial    primary key,
    evaluation_id       bigint       not null references titles_evaluation (id),
    offer_ref_sha256    char(64)     not null unique,  -- the credential_offer_uri's last segment
    code_sha256         char(64)     not null unique,  -- the pre-authorized code
    created_by          varchar(60)  not null,
    created_at          timestamptz  not null default now(),
    expires_at          timestamptz  not null,
    token_sha256        char(64)     unique,           -- the access token, once the code is redeemed
    token_expires_at    timestamptz,
    credential_id       varchar(60)  references titles_credential (id)
);

create table titles_wallet_nonce (
    nonce       char(43)     primary key,
    expires_at  timestamptz  not null,
    used        boolean      not null default false
);
