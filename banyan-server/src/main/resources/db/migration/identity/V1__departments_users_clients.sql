-- Identity: departments (委办局), people who use the console, machine clients of departments' systems.

create table department (
    id            bigint generated always as identity primary key,
    code          text        not null unique check (code ~ '^[a-z][a-z0-9-]{1,31}$'),
    name_zh       text        not null,
    name_en       text        not null,
    credit_code   char(18)    not null unique,
    level         text        not null check (level in ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP')),
    parent_id     bigint      references department (id),
    created_at    timestamptz not null default now()
);

create table user_account (
    id              bigint generated always as identity primary key,
    username        text        not null unique check (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
    display_name    text        not null,
    password_hash   text        not null,
    department_id   bigint      references department (id),
    roles           text[]      not null,
    enabled         boolean     not null default true,
    failed_logins   integer     not null default 0,
    locked_until    timestamptz,
    last_login_at   timestamptz,
    created_at      timestamptz not null default now()
);

create table machine_client (
    id              bigint generated always as identity primary key,
    client_id       text        not null unique,
    secret_hash     text        not null,
    name            text        not null,
    department_id   bigint      not null references department (id),
    scopes          text[]      not null,
    status          text        not null default 'ACTIVE' check (status in ('ACTIVE', 'REVOKED')),
    created_by      text        not null,
    created_at      timestamptz not null default now(),
    revoked_at      timestamptz
);

-- Access tokens issued to machine clients, by SHA-256 of the token, so that a revoked token is refused
-- even though it is a self-contained JWT.
create table issued_token (
    token_sha256      char(64)    primary key,
    authorization_id  text        not null unique,
    client_id         text        not null,
    issued_at         timestamptz not null,
    expires_at        timestamptz not null,
    revoked_at        timestamptz
);
create index issued_token_expiry on issued_token (expires_at);

-- The key that signs access tokens; kept so that tokens survive a restart.
create table signing_key (
    key_id        text        primary key,
    algorithm     text        not null,
    public_key    bytea       not null,
    private_key   bytea       not null,
    created_at    timestamptz not null default now(),
    active        boolean     not null default true
);
