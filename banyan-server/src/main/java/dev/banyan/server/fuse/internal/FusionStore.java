package dev.banyan.server.fuse.internal;

import dev.banyan.linkage.ClericalReviewPair;
import dev.banyan.linkage.ReviewDecision;
import dev.banyan.server.fuse.EntityKind;
import dev.banyan.server.fuse.GoldenRecord;
import dev.banyan.server.fuse.GoldenValue;
import dev.banyan.server.fuse.LinkRun;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The FUSION zone's tables (融合库存储): entities with their golden records, links from STANDARD rows, review pairs,
 * runs and watermarks. Bulk writes use {@code COPY}.
 */
final class FusionStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int COPY_CHUNK = 20_000;

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    FusionStore(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
    }

    JdbcClient jdbc() {
        return jdbc;
    }

    /** A link row to write. */
    record Link(String recordId, String entityId, String resourceCode, String key, long batch, long row, String method) {
    }

    Map<String, String> entityOfRecords(EntityKind kind) {
        Map<String, String> out = new HashMap<>();
        jdbc.sql("select record_id, entity_id from fusion.entity_link where kind = ?").param(kind.name())
                .query(rs -> {
                    out.put(rs.getString(1), rs.getString(2));
                });
        return out;
    }

    Optional<String> entityOf(EntityKind kind, String recordId) {
        return jdbc.sql("select entity_id from fusion.entity_link where kind = ? and record_id = ?")
                .params(kind.name(), recordId).query(String.class).optional();
    }

    List<Link> links(EntityKind kind, String entityId) {
        return jdbc.sql("""
                select record_id, entity_id, resource_code, record_key, batch_id, row_number, method
                from fusion.entity_link where kind = ? and entity_id = ? order by resource_code, record_key""")
                .params(kind.name(), entityId)
                .query((rs, i) -> new Link(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getLong(6), rs.getString(7))).list();
    }

    List<ReviewDecision> decisions(EntityKind kind) {
        return jdbc.sql("select first_id, second_id, status from fusion.review_pair where kind = ? and status <> 'OPEN'"
                        + " order by decided_at, first_id, second_id").param(kind.name())
                .query((rs, i) -> new ReviewDecision(rs.getString(1), rs.getString(2), "ACCEPTED".equals(rs.getString(3))))
                .list();
    }

    Map<String, Long> watermarks(EntityKind kind) {
        Map<String, Long> out = new HashMap<>();
        jdbc.sql("select resource_code, last_batch from fusion.watermark where kind = ?").param(kind.name())
                .query(rs -> {
                    out.put(rs.getString(1), rs.getLong(2));
                });
        return out;
    }

    void watermark(EntityKind kind, String resourceCode, long batch) {
        jdbc.sql("""
                insert into fusion.watermark (kind, resource_code, last_batch) values (?, ?, ?)
                on conflict (kind, resource_code) do update set last_batch = greatest(fusion.watermark.last_batch, excluded.last_batch)""")
                .params(kind.name(), resourceCode, batch).update();
    }

    /** Removes the kind's entities and links (a full rebuild writes them again, in the same transaction). */
    void clear(EntityKind kind) {
        jdbc.sql("delete from fusion.entity_link where kind = ?").param(kind.name()).update();
        jdbc.sql("delete from fusion.entity where kind = ?").param(kind.name()).update();
        jdbc.sql("delete from fusion.review_pair where kind = ? and status = 'OPEN'").param(kind.name()).update();
        jdbc.sql("delete from fusion.watermark where kind = ?").param(kind.name()).update();
    }

    void copyLinks(EntityKind kind, Collection<Link> links) {
        List<String[]> rows = new ArrayList<>(links.size());
        for (Link l : links) {
            rows.add(new String[]{kind.name(), l.recordId(), l.entityId(), l.resourceCode(), l.key(),
                    Long.toString(l.batch()), Long.toString(l.row()), l.method()});
        }
        copy("fusion.entity_link (kind, record_id, entity_id, resource_code, record_key, batch_id, row_number, method)", rows);
    }

    void copyEntities(EntityKind kind, Collection<GoldenRecord> records, Map<String, int[]> counts) {
        List<String[]> rows = new ArrayList<>(records.size());
        for (GoldenRecord g : records) {
            int[] c = counts.get(g.entityId());
            rows.add(new String[]{kind.name(), g.entityId(), g.value("name"), identifier(kind, g), json(g),
                    Integer.toString(g.conflicts()), Integer.toString(c[0]), Integer.toString(c[1])});
        }
        copy("fusion.entity (kind, entity_id, display_name, identifier, golden, conflicts, records, sources)", rows);
    }

    void upsertEntity(EntityKind kind, GoldenRecord g, int records, int sources) {
        jdbc.sql("""
                insert into fusion.entity (kind, entity_id, display_name, identifier, golden, conflicts, records, sources)
                values (?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)
                on conflict (kind, entity_id) do update set display_name = excluded.display_name,
                  identifier = excluded.identifier, golden = excluded.golden, conflicts = excluded.conflicts,
                  records = excluded.records, sources = excluded.sources, updated_at = now()""")
                .params(kind.name(), g.entityId(), g.value("name"), identifier(kind, g), json(g), g.conflicts(), records,
                        sources).update();
    }

    void deleteEntity(EntityKind kind, String entityId) {
        jdbc.sql("delete from fusion.entity where kind = ? and entity_id = ?").params(kind.name(), entityId).update();
    }

    void moveLinks(EntityKind kind, String from, String to, String method) {
        jdbc.sql("update fusion.entity_link set entity_id = ?, method = ?, linked_at = now() where kind = ? and entity_id = ?")
                .params(to, method, kind.name(), from).update();
    }

    void updateLinkLineage(EntityKind kind, SourceRow r) {
        jdbc.sql("update fusion.entity_link set batch_id = ?, row_number = ? where kind = ? and record_id = ?")
                .params(r.batch(), r.row(), kind.name(), r.id()).update();
    }

    private static String identifier(EntityKind kind, GoldenRecord g) {
        return kind == EntityKind.PERSON ? g.value("id") : g.value("uscc");
    }

    static String jsonOf(Object value) {
        return JSON.writeValueAsString(value);
    }

    static String json(GoldenRecord g) {
        return JSON.writeValueAsString(g.values());
    }

    static Map<String, GoldenValue> golden(String json) {
        Map<String, GoldenValue> out = new LinkedHashMap<>();
        if (json == null) {
            return out;
        }
        var tree = JSON.readTree(json);
        for (var e : tree.properties()) {
            out.put(e.getKey(), JSON.treeToValue(e.getValue(), GoldenValue.class));
        }
        return out;
    }

    /** Writes the run's review pairs; a pair decided before stays as decided. */
    void reviewPairs(EntityKind kind, List<ClericalReviewPair> pairs) {
        List<Object[]> batch = new ArrayList<>();
        for (ClericalReviewPair p : pairs) {
            batch.add(new Object[]{kind.name(), p.firstId(), p.secondId(), p.weight().probability(), p.explanation()});
        }
        for (int i = 0; i < batch.size(); i += 1000) {
            for (Object[] row : batch.subList(i, Math.min(batch.size(), i + 1000))) {
                jdbc.sql("""
                        insert into fusion.review_pair (kind, first_id, second_id, probability, explanation)
                        values (?, ?, ?, ?, ?) on conflict (kind, first_id, second_id) do nothing""").params(row).update();
            }
        }
    }

    long insertRun(LinkRun r, Long truthRecords) {
        return jdbc.sql("""
                insert into fusion.link_run (kind, mode, started_at, finished_at, records, new_records, entities,
                  pairs_compared, auto_links, review_pairs, precision, recall, f1, truth_records, details)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(r.kind().name(), r.mode(), Timestamp.from(r.startedAt()), Timestamp.from(r.finishedAt()),
                        r.records(), r.newRecords(), r.entities(), r.pairsCompared(), r.autoLinks(), r.reviewPairs(),
                        r.precision(), r.recall(), r.f1(), truthRecords, r.details())
                .query(Long.class).single();
    }

    List<LinkRun> runs(EntityKind kind, int limit) {
        return jdbc.sql("""
                select id, mode, started_at, finished_at, records, new_records, entities, pairs_compared, auto_links,
                  review_pairs, precision, recall, f1, details from fusion.link_run where kind = ? order by id desc limit ?""")
                .params(kind.name(), limit)
                .query((rs, i) -> new LinkRun(rs.getLong(1), kind, rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant(), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8),
                        rs.getLong(9), rs.getLong(10), (Double) rs.getObject(11), (Double) rs.getObject(12),
                        (Double) rs.getObject(13), rs.getString(14))).list();
    }

    long lastRunId(EntityKind kind) {
        return jdbc.sql("select coalesce(max(id), 0) from fusion.link_run where kind = ?").param(kind.name())
                .query(Long.class).single();
    }

    long count(String sql, EntityKind kind) {
        return jdbc.sql(sql).param(kind.name()).query(Long.class).single();
    }

    /** COPY in CSV, in chunks, on the current transaction's connection. */
    void copy(String target, List<String[]> rows) {
        Connection c = DataSourceUtils.getConnection(dataSource);
        try {
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (int i = 0; i < rows.size(); i += COPY_CHUNK) {
                StringBuilder b = new StringBuilder();
                for (String[] row : rows.subList(i, Math.min(rows.size(), i + COPY_CHUNK))) {
                    for (int j = 0; j < row.length; j++) {
                        if (j > 0) {
                            b.append(',');
                        }
                        if (row[j] != null) {
                            b.append('"').append(row[j].replace("\"", "\"\"")).append('"');
                        }
                    }
                    b.append('\n');
                }
                copy.copyIn("copy " + target + " from stdin with (format csv)", new StringReader(b.toString()));
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("COPY into " + target + " failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }

    static Instant now() {
        return Instant.now();
    }
}
