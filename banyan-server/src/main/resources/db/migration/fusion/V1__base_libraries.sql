-- FUSION zone (融合库): base libraries of persons and legal entities, links from STANDARD rows, review queue.

create table entity (
    kind          text        not null,             -- PERSON | COMPANY
    entity_id     text        not null,             -- stable: kept across reruns
    display_name  text,                             -- golden name, for search
    identifier    text,                             -- golden identity number / credit code, for search
    golden        jsonb       not null default '{}',-- attribute → value with provenance and conflicts
    conflicts     int         not null default 0,
    records       int         not null,
    sources       int         not null,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    primary key (kind, entity_id)
);
create index entity_name_idx on entity (kind, display_name text_pattern_ops);
create index entity_identifier_idx on entity (kind, identifier text_pattern_ops);

create table entity_link (
    kind          text        not null,
    record_id     text        not null,             -- resource code ':' business key
    entity_id     text        not null,
    resource_code text        not null,
    record_key    text        not null,
    batch_id      bigint      not null,
    row_number    bigint      not null,
    method        text        not null,             -- FULL | INCREMENTAL | REVIEW
    linked_at     timestamptz not null default now(),
    primary key (kind, record_id)
);
create index entity_link_entity_idx on entity_link (kind, entity_id);

-- Pairs in the clerical band; a decided pair is a must-link or cannot-link for every later run and never removed.
create table review_pair (
    kind          text        not null,
    first_id      text        not null,
    second_id     text        not null,
    probability   double precision not null,
    explanation   text        not null,
    status        text        not null default 'OPEN',  -- OPEN | ACCEPTED | REJECTED
    decided_by    text,
    decided_at    timestamptz,
    comment       text,
    created_at    timestamptz not null default now(),
    primary key (kind, first_id, second_id)
);
create index review_pair_status_idx on review_pair (kind, status, probability desc);

create table link_run (
    id             bigserial   primary key,
    kind           text        not null,
    mode           text        not null,            -- FULL | INCREMENTAL
    started_at     timestamptz not null,
    finished_at    timestamptz not null,
    records        bigint      not null,
    new_records    bigint      not null,
    entities       bigint      not null,
    pairs_compared bigint      not null,
    auto_links     bigint      not null,
    review_pairs   bigint      not null,
    precision      double precision,
    recall         double precision,
    f1             double precision,
    truth_records  bigint,
    details        text
);

-- The last batch of each source resource already linked.
create table watermark (
    kind          text   not null,
    resource_code text   not null,
    last_batch    bigint not null,
    primary key (kind, resource_code)
);
