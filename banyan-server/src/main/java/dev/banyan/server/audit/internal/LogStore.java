package dev.banyan.server.audit.internal;

import dev.banyan.ledger.EntryBundle;
import dev.banyan.ledger.LogTree;
import dev.banyan.ledger.TileContent;
import dev.banyan.server.audit.EntryQuery;
import dev.banyan.server.audit.SignedCheckpoint;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The evidence log's tables in the {@code audit} schema: tiles of hashes, bundles of entries, the log's size and
 * root, checkpoints, the outbox and the search index. Plain SQL; the caller owns the transaction.
 */
final class LogStore {

    static final int TILE_WIDTH = 256;

    private final JdbcClient jdbc;

    LogStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Size and root of the log. */
    record State(long size, byte[] root) {
    }

    /** Evidence recorded in another module's transaction, not yet in the log. */
    record OutboxRow(long id, String type, String actor, String subject, String payload, Instant recordedAt) {
    }

    /** A row of the search index. */
    record IndexRow(long index, String type, String actor, String subject, Instant loggedAt, byte[] leafHash, String payload) {
    }

    State lockState() {
        return jdbc.sql("select size, root from audit.log_state where id = 1 for update")
                .query((rs, n) -> new State(rs.getLong(1), rs.getBytes(2))).single();
    }

    State state() {
        return jdbc.sql("select size, root from audit.log_state where id = 1")
                .query((rs, n) -> new State(rs.getLong(1), rs.getBytes(2))).single();
    }

    void saveState(long size, byte[] root, Instant now) {
        jdbc.sql("update audit.log_state set size = ?, root = ?, updated_at = ? where id = 1")
                .params(size, root, Timestamp.from(now)).update();
    }

    /** The stored hashes of a tile (all it has now; a partial tile may have grown past a requested width). */
    Optional<byte[]> hashTile(int level, long index) {
        return jdbc.sql("select hashes from audit.hash_tile where level = ? and tile_index = ?")
                .params(level, index).query(byte[].class).optional();
    }

    void writeHashTiles(List<TileContent> tiles) {
        for (TileContent t : tiles) {
            jdbc.sql("""
                    insert into audit.hash_tile (level, tile_index, hashes) values (?, ?, ?)
                    on conflict (level, tile_index) do update set hashes = excluded.hashes""")
                    .params(t.tile().level(), t.tile().index(), t.hashes()).update();
        }
    }

    /** The entries of a tile that exist now, in order: the full bundle, or the segments of the last tile. */
    List<byte[]> entries(long tileIndex) {
        Optional<byte[]> full = jdbc.sql("select entries from audit.entry_tile where tile_index = ?")
                .param(tileIndex).query(byte[].class).optional();
        if (full.isPresent()) {
            return EntryBundle.decode(full.get());
        }
        List<byte[]> entries = new ArrayList<>();
        for (byte[] segment : jdbc.sql("""
                select entries from audit.entry_segment where first_index >= ? and first_index < ? order by first_index""")
                .params(tileIndex * TILE_WIDTH, (tileIndex + 1) * TILE_WIDTH).query(byte[].class).list()) {
            entries.addAll(EntryBundle.decode(segment));
        }
        return entries;
    }

    /**
     * Stores the entries of one append batch, starting at index {@code first}: every tile the batch completes
     * becomes one full bundle (its earlier segments folded in), the rest one segment of the last tile.
     */
    void writeEntries(long first, List<byte[]> batch) {
        int offset = 0;
        while (offset < batch.size()) {
            long index = first + offset;
            long tile = index / TILE_WIDTH;
            int room = (int) ((tile + 1) * TILE_WIDTH - index);
            List<byte[]> part = batch.subList(offset, Math.min(batch.size(), offset + room));
            if (part.size() == room) {
                List<byte[]> whole = new ArrayList<>(TILE_WIDTH);
                if (index % TILE_WIDTH != 0) {
                    whole.addAll(entries(tile));
                    jdbc.sql("delete from audit.entry_segment where first_index >= ? and first_index < ?")
                            .params(tile * TILE_WIDTH, index).update();
                }
                whole.addAll(part);
                if (whole.size() != TILE_WIDTH) {
                    throw new IllegalStateException("tile " + tile + " of the evidence log would hold " + whole.size()
                            + " entries; its stored segments are incomplete");
                }
                jdbc.sql("insert into audit.entry_tile (tile_index, entries) values (?, ?)")
                        .params(tile, EntryBundle.encode(whole)).update();
            } else {
                jdbc.sql("insert into audit.entry_segment (first_index, entries) values (?, ?)")
                        .params(index, EntryBundle.encode(part)).update();
            }
            offset += part.size();
        }
    }

    /** Claims and removes up to {@code limit} outbox rows; the caller's transaction makes this atomic with the append. */
    List<OutboxRow> claimOutbox(int limit) {
        return jdbc.sql("""
                delete from audit.outbox where id in (select id from audit.outbox order by id limit ? for update skip locked)
                returning id, type, actor, subject, payload, recorded_at""")
                .param(limit)
                .query((rs, n) -> new OutboxRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant()))
                .list()
                .stream().sorted(java.util.Comparator.comparingLong(OutboxRow::id)).toList();
    }

    void addToOutbox(String type, String actor, String subject, String payload, Instant recordedAt) {
        jdbc.sql("insert into audit.outbox (type, actor, subject, payload, recorded_at) values (?, ?, ?, ?, ?)")
                .params(type, actor, subject, payload, Timestamp.from(recordedAt)).update();
    }

    boolean outboxEmpty() {
        return jdbc.sql("select not exists (select 1 from audit.outbox)").query(Boolean.class).single();
    }

    void index(List<IndexRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        // One multi-row insert per batch: thousands of rows a second without a round trip each.
        StringBuilder sql = new StringBuilder("insert into audit.entry_index (idx, type, actor, subject, logged_at, leaf_hash, payload) values ");
        List<Object> params = new ArrayList<>(rows.size() * 7);
        int chunk = 0;
        for (IndexRow r : rows) {
            if (chunk > 0) {
                sql.append(',');
            }
            sql.append("(?,?,?,?,?,?,?)");
            params.addAll(Arrays.asList(r.index(), r.type(), r.actor(), r.subject(), Timestamp.from(r.loggedAt()), r.leafHash(), r.payload()));
            if (++chunk == 1000) {
                jdbc.sql(sql.toString()).params(params).update();
                sql.setLength(sql.indexOf(" values ") + 8);
                params.clear();
                chunk = 0;
            }
        }
        if (chunk > 0) {
            jdbc.sql(sql.toString()).params(params).update();
        }
    }

    Optional<Long> indexOfLeafHash(byte[] leafHash) {
        return jdbc.sql("select idx from audit.entry_index where leaf_hash = ? order by idx limit 1")
                .param(leafHash).query(Long.class).optional();
    }

    Optional<String> payload(long index) {
        return jdbc.sql("select payload from audit.entry_index where idx = ?").param(index).query(String.class).optional();
    }

    /** Indexes of matching entries, newest first. */
    List<Long> search(EntryQuery q) {
        StringBuilder sql = new StringBuilder("select idx from audit.entry_index where true");
        List<Object> params = new ArrayList<>();
        if (q.type() != null && !q.type().isBlank()) {
            if (q.type().endsWith(".")) {
                sql.append(" and type like ?");
                params.add(q.type().replace("%", "\\%").replace("_", "\\_") + "%");
            } else {
                sql.append(" and type = ?");
                params.add(q.type().strip());
            }
        }
        if (q.actor() != null && !q.actor().isBlank()) {
            sql.append(" and actor = ?");
            params.add(q.actor().strip());
        }
        if (q.subject() != null && !q.subject().isBlank()) {
            sql.append(" and subject = ?");
            params.add(q.subject().strip());
        }
        if (q.from() != null) {
            sql.append(" and logged_at >= ?");
            params.add(Timestamp.from(q.from()));
        }
        if (q.to() != null) {
            sql.append(" and logged_at < ?");
            params.add(Timestamp.from(q.to()));
        }
        if (q.before() != null) {
            sql.append(" and idx < ?");
            params.add(q.before());
        }
        sql.append(" order by idx desc limit ").append(q.limit());
        return jdbc.sql(sql.toString()).params(params).query(Long.class).list();
    }

    Optional<SignedCheckpoint> latestCheckpoint() {
        return jdbc.sql("select size, root, note, published_at from audit.checkpoint order by size desc limit 1")
                .query(LogStore::checkpoint).optional();
    }

    List<SignedCheckpoint> checkpoints(int limit) {
        return jdbc.sql("select size, root, note, published_at from audit.checkpoint order by size desc limit ?")
                .param(limit).query(LogStore::checkpoint).list();
    }

    Optional<SignedCheckpoint> checkpointCovering(long index) {
        return jdbc.sql("select size, root, note, published_at from audit.checkpoint where size > ? order by size limit 1")
                .param(index).query(LogStore::checkpoint).optional();
    }

    /** Stores a checkpoint unless another node stored one of the same size first. */
    void saveCheckpoint(SignedCheckpoint c) {
        jdbc.sql("insert into audit.checkpoint (size, root, note, published_at) values (?, ?, ?, ?) on conflict (size) do nothing")
                .params(c.size(), c.root(), c.note(), Timestamp.from(c.publishedAt())).update();
    }

    private static SignedCheckpoint checkpoint(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new SignedCheckpoint(rs.getLong(1), rs.getBytes(2), rs.getString(3), rs.getTimestamp(4).toInstant());
    }

    /** Bytes the log itself occupies (entries and hash tiles, with PostgreSQL's overheads) and its search index. */
    record Footprint(long logBytes, long indexBytes) {
    }

    Footprint footprint() {
        long log = jdbc.sql("""
                select pg_total_relation_size('audit.entry_tile') + pg_total_relation_size('audit.entry_segment')
                     + pg_total_relation_size('audit.hash_tile')""").query(Long.class).single();
        long index = jdbc.sql("select pg_total_relation_size('audit.entry_index')").query(Long.class).single();
        return new Footprint(log, index);
    }
}
