-- The exchange (数据共享交换): data services defined without code, consumers' applications, the grants that come of
-- them, the log of every call through the gateway, and the seals that put that log into the evidence log.

-- A data service (数据服务/接口), one row per version; a new version supersedes the older ones, which stay for the
-- record. The definition is the JSON a department wrote or the console produced (see ServiceDefinition).
create table service (
    id                  bigserial   primary key,
    code                text        not null,
    version             int         not null,
    kind                text        not null,   -- LOOKUP, LIST, AGGREGATE, VERIFICATION, PROXY
    name_zh             text        not null,
    name_en             text,
    resource_code       text,                   -- the catalog resource it serves; null for an upstream proxy
    owner_department_id bigint      not null,
    share_type          text        not null,   -- the resource's share type when this version was published
    definition          jsonb       not null,
    status              text        not null,   -- PUBLISHED, SUPERSEDED, RETIRED
    created_by          text        not null,
    created_at          timestamptz not null,
    unique (code, version)
);
create unique index service_current on service (code) where status = 'PUBLISHED';

-- A consumer department's application to use a service (共享申请).
create table application (
    id                     bigserial   primary key,
    service_code           text        not null,
    consumer_department_id bigint      not null,
    client_id              text        not null,   -- the consumer's machine client that will call
    applicant              text        not null,
    purpose                text        not null,
    legal_basis            text        not null,
    fields                 text[]      not null,
    duration_days          int         not null,
    expected_daily_calls   int         not null,
    status                 text        not null,   -- PENDING, APPROVED, REJECTED, WITHDRAWN
    decided_by             text,
    decided_at             timestamptz,
    decision_reason        text,
    due_at                 timestamptz,            -- the owner's working-day deadline to decide
    created_at             timestamptz not null
);
create index application_pending on application (due_at) where status = 'PENDING';

-- A grant (授权): what one client may call, which fields in clear, which rows, how often, until when.
create table access_grant (
    id                     bigserial   primary key,
    application_id         bigint      references application (id),
    service_code           text        not null,
    client_id              text        not null,
    consumer_department_id bigint      not null,
    purpose                text        not null,
    fields                 text[]      not null,
    row_scope              jsonb       not null default '[]',
    daily_quota            int         not null,
    rate_per_second        int         not null,
    starts_at              timestamptz not null,
    expires_at             timestamptz not null,
    status                 text        not null,   -- ACTIVE, REVOKED
    revoked_by             text,
    revoked_at             timestamptz,
    revoke_reason          text,
    created_by             text        not null,
    created_at             timestamptz not null
);
create index grant_by_client on access_grant (client_id, service_code) where status = 'ACTIVE';

-- Every call through the gateway, served or refused (调用日志). Written in batches by the call log's writer; each
-- batch is sealed into the evidence log by the Merkle root of its records' leaf hashes (call_seal).
create table call_log (
    id            bigint      primary key,
    at            timestamptz not null,
    client_id     text,
    department    text,
    service_code  text        not null,
    service_version int,
    grant_id      bigint,
    purpose       text,
    param_hash    text,
    fields        text[],
    row_count     int         not null,
    status        int         not null,
    outcome       text        not null,   -- SERVED, NOT_FOUND, NO_TOKEN, FIELD_NOT_GRANTED, QUOTA_EXCEEDED, …
    latency_us    int         not null,
    seal_id       bigint      not null,
    leaf_hash     bytea       not null
);
create sequence call_log_id cache 1000;
create index call_log_at on call_log (at);
create index call_log_service_at on call_log (service_code, at);

-- One sealed batch of call records: its Merkle root is the payload of one evidence-log entry (share.calls.sealed).
create table call_seal (
    id          bigint      primary key,
    first_call  bigint      not null,
    last_call   bigint      not null,
    calls       int         not null,
    root        bytea       not null,
    sealed_at   timestamptz not null
);
create sequence call_seal_id;

-- Messages to people about applications and grants (通知): a department's chief data officer hears of an
-- application waiting for them; the applicant hears of the decision.
create table notification (
    id             bigserial   primary key,
    department_id  bigint      not null,
    role           text,                    -- a role within the department, or null for everyone in it
    kind           text        not null,
    message_code   text        not null,
    arguments      jsonb       not null default '[]',
    link           text,
    created_at     timestamptz not null,
    read_at        timestamptz
);
create index notification_unread on notification (department_id, created_at desc) where read_at is null;

-- The key of the call log's parameter hashes (HMAC-SHA256): an identity number looked up is not recoverable from
-- the log by hashing every possible number, yet whoever holds the key can check whether a given lookup was made.
create table call_log_key (
    id          int         primary key check (id = 1),
    key         bytea       not null,
    created_at  timestamptz not null
);
