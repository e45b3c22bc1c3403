-- Subscriptions (数据推送): a consumer's webhook for the changes of the resource behind one of its grants, and the
-- outbox of events produced for it. See SubscriptionService and docs/share.md "Subscriptions (数据推送)".

-- A subscription. The watermark is the highest STANDARD batch already turned into events; it advances in the same
-- transaction as the events it produced, so a crash produces each event once. The signing secret is kept in clear
-- because HMAC needs it; after a rotation the previous secret signs too until previous_secret_until.
create table subscription (
    id                     bigserial   primary key,
    grant_id               bigint      not null,
    service_code           text        not null,
    resource_code          text        not null,
    client_id              text        not null,
    consumer_department_id bigint      not null,
    owner_department_id    bigint      not null,
    url                    text        not null,
    conditions             jsonb       not null default '[]',
    description            text,
    secret                 text        not null,
    previous_secret        text,
    previous_secret_until  timestamptz,
    status                 text        not null,   -- ACTIVE, PAUSED
    pause_reason           text,                   -- BY_CONSUMER, GONE (410 from the receiver), GRANT_NOT_LIVE, SERVICE_RETIRED
    watermark              bigint      not null,
    last_seq               bigint      not null default 0,
    sweep_from             timestamptz not null default now(),   -- rows written before are older than the subscription
    swept_at               timestamptz not null default now(),   -- the last sweep for corrected and late rows (database time)
    created_by             text        not null,
    created_at             timestamptz not null,
    updated_at             timestamptz not null
);
create index subscription_by_client on subscription (client_id);
create index subscription_by_resource on subscription (resource_code);

-- The outbox: one event per changed row and subscription, delivered at least once, in order per entity.
create table delivery (
    id              bigserial   primary key,
    subscription_id bigint      not null references subscription (id) on delete cascade,
    entity_key      text        not null,
    seq             bigint      not null,   -- per subscription, in production order
    source_batch    bigint      not null,
    source_row      bigint      not null,
    payload         jsonb       not null,
    status          text        not null,   -- PENDING, DELIVERED, FAILED, SKIPPED
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,   -- also the lease of a claimed event: a crashed sender's claim runs out
    last_status     int,                    -- HTTP status of the last attempt; null for a timeout or a refused connection
    last_error      text,
    delivered_at    timestamptz,
    created_at      timestamptz not null,
    unique (subscription_id, source_batch, source_row),
    unique (subscription_id, seq)
);
create index delivery_due on delivery (next_attempt_at) where status = 'PENDING';
create index delivery_open_by_entity on delivery (subscription_id, entity_key, seq) where status in ('PENDING', 'FAILED');

-- Every attempt to deliver an event and its outcome (送达记录); attempt counts from 1 again after a replay.
create table delivery_attempt (
    id          bigserial   primary key,
    delivery_id bigint      not null references delivery (id) on delete cascade,
    attempt     int         not null,
    at          timestamptz not null,
    http_status int,
    error       text,
    duration_ms int         not null
);
create index delivery_attempt_of_event on delivery_attempt (delivery_id, at);
