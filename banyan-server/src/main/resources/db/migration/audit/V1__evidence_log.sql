-- The evidence log (存证日志): an append-only RFC 6962 Merkle log stored as C2SP tlog-tiles.
-- Entries and hashes are kept in the very bytes that /audit-log/tile/... serves, 256 to a row once a tile is
-- full, so that the log costs little more than its entries plus 32 bytes of leaf hash each.

-- The one row that says how big the log is; the sequencer locks it for every append batch.
create table log_state (
    id          smallint primary key default 1 check (id = 1),
    size        bigint not null,
    root        bytea not null,
    updated_at  timestamptz not null
);
insert into log_state (size, root, updated_at)
values (0, decode('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'hex'), now());

-- Entry bundles (2-byte big-endian length + entry bytes, repeated) of full tiles: 256 entries each.
create table entry_tile (
    tile_index  bigint primary key,
    entries     bytea not null
);

-- Entries of the last, partial tile: one bundle per append batch until the tile is full.
create table entry_segment (
    first_index bigint primary key,
    entries     bytea not null
);

-- Hash tiles: level 0 holds leaf hashes, level L the roots of full tiles of level L-1. Full tiles never
-- change; the right-most tile of each level is rewritten as it grows.
create table hash_tile (
    level       smallint not null,
    tile_index  bigint not null,
    hashes      bytea not null,
    primary key (level, tile_index)
);
alter table hash_tile alter column hashes set storage external;   -- hashes do not compress

-- Signed checkpoints (C2SP signed notes), one per published tree size.
create table checkpoint (
    size          bigint primary key,
    root          bytea not null,
    note          text not null,
    published_at  timestamptz not null
);

-- Entries recorded inside another module's transaction, waiting to be sequenced into the log.
create table outbox (
    id           bigserial primary key,
    type         text not null,
    actor        text not null,
    subject      text not null,
    payload      text not null,
    recorded_at  timestamptz not null
);

-- What the console searches by; the log itself is the tiles above.
create table entry_index (
    idx        bigint primary key,
    type       text not null,
    actor      text not null,
    subject    text not null,
    logged_at  timestamptz not null,
    leaf_hash  bytea not null,
    payload    text not null
);
create index entry_index_leaf_hash on entry_index using hash (leaf_hash);
create index entry_index_actor on entry_index (actor, idx);
create index entry_index_subject on entry_index (subject, idx);
create index entry_index_type on entry_index (type, idx);
create index entry_index_time on entry_index using brin (logged_at);

-- The log's signing keys, private halves sealed under the master key (SM4-GCM or AES-256-GCM).
create table signing_key (
    id             serial primary key,
    algorithm      text not null,
    key_name       text not null,
    verifier_key   text not null unique,
    sealed_private bytea not null,
    created_at     timestamptz not null,
    retired_at     timestamptz
);
create unique index signing_key_active on signing_key (algorithm) where retired_at is null;
