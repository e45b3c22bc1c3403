-- FUSION zone (融合库): base libraries of houses / real-estate units (房屋库) and standardised addresses (地址库).
-- Both are keyed by a deterministic identifier — the unit number (DE0017), the standard address text — so an entity
-- id is 'H' or 'A' + 15 hex digits of its SHA-256 and a rebuild gives the same ids.

create table house (
    entity_id     text        primary key,
    unit_number   text        not null unique,      -- 不动产单元号 (DE0017)
    location      text,                             -- golden 房屋坐落 (DE0018), standard address text
    area          text,                             -- golden 建筑面积 (DE0019)
    address_id    text,                             -- the address entity of the location
    golden        jsonb       not null default '{}',-- attribute → value with provenance and conflicts
    conflicts     int         not null default 0,
    records       int         not null,
    sources       int         not null,
    owners        int         not null default 0,
    updated_at    timestamptz not null default now()
);
create index house_location_idx on house (location text_pattern_ops);

create table house_link (
    entity_id     text        not null,
    record_id     text        not null,             -- resource code ':' business key
    resource_code text        not null,
    record_key    text        not null,
    batch_id      bigint      not null,
    row_number    bigint      not null,
    role          text        not null,             -- UNIT (the unit's own rows) | OWNER (right holders) | OTHER
    primary key (entity_id, record_id)
);
create index house_link_record_idx on house_link (record_id);

-- 权利人: a right-holder row of a house, with the person or company entity its certificate number names.
create table house_owner (
    entity_id     text        not null,
    record_id     text        not null,
    owner_kind    text        not null,             -- PERSON | COMPANY
    owner_entity  text,                             -- fusion.entity id, null when no entity carries the number
    name          text,
    certificate   text,
    primary key (entity_id, record_id)
);
create index house_owner_entity_idx on house_owner (owner_kind, owner_entity);

create table address (
    entity_id     text        primary key,
    address       text        not null unique,      -- the standard address text
    division      text,
    street        text,
    community     text,
    road          text,
    number        text,
    grid          text,
    records       int         not null,
    persons       int         not null default 0,
    houses        int         not null default 0,
    companies     int         not null default 0,
    updated_at    timestamptz not null default now()
);
create index address_text_idx on address (address text_pattern_ops);

-- Every STANDARD row naming the address in one of its fields, and the entity the row is about.
create table address_link (
    entity_id      text       not null,
    record_id      text       not null,
    field          text       not null,
    resource_code  text       not null,
    record_key     text       not null,
    batch_id       bigint     not null,
    row_number     bigint     not null,
    subject        text       not null,             -- PERSON | COMPANY | HOUSE | OTHER
    subject_entity text,
    primary key (entity_id, record_id, field)
);
create index address_link_subject_idx on address_link (subject, subject_entity);
