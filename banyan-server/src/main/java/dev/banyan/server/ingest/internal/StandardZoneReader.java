package dev.banyan.server.ingest.internal;

import dev.banyan.server.catalog.Catalog;
import dev.banyan.server.catalog.Resource;
import dev.banyan.server.catalog.ResourceField;
import dev.banyan.server.ingest.StandardRecord;
import dev.banyan.server.ingest.StandardTableLayout;
import dev.banyan.server.ingest.StandardZone;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads STANDARD tables for other modules ({@link StandardZone}): a read-only transaction with a server-side cursor
 * ({@code fetchSize}), so that a table of millions of rows streams with bounded memory. Columns are mapped back to
 * catalog field names (a long field name has a shortened column); fact columns keep their {@code field__fact} name.
 */
@Component
class StandardZoneReader implements StandardZone {

    static final int FETCH_SIZE = 5_000;
    private static final int KEYS_PER_QUERY = 1_000;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Catalog catalog;

    StandardZoneReader(DataSource dataSource, Catalog catalog) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.catalog = catalog;
    }

    private static String table(String resourceCode) {
        return StandardTable.SCHEMA + "." + RawTable.quote(RawTable.tableName(resourceCode));
    }

    @Override
    public boolean exists(String resourceCode) {
        return jdbc.sql("select to_regclass(:t) is not null").param("t", table(resourceCode)).query(Boolean.class).single();
    }

    @Override
    public long count(String resourceCode) {
        return exists(resourceCode) ? jdbc.sql("select count(*) from " + table(resourceCode)).query(Long.class).single() : 0;
    }

    @Override
    public long latestBatch(String resourceCode) {
        return exists(resourceCode)
                ? jdbc.sql("select coalesce(max(_batch), 0) from " + table(resourceCode)).query(Long.class).single() : 0;
    }

    @Override
    public void forEach(String resourceCode, long afterBatch, Consumer<StandardRecord> sink) {
        if (!exists(resourceCode)) {
            return;
        }
        query(resourceCode, "select * from " + table(resourceCode) + (afterBatch > 0 ? " where _batch > ?" : "")
                + " order by _key", afterBatch > 0 ? new Object[]{afterBatch} : new Object[0], sink);
    }

    @Override
    public List<StandardRecord> find(String resourceCode, Collection<String> keys) {
        List<StandardRecord> out = new ArrayList<>();
        if (keys.isEmpty() || !exists(resourceCode)) {
            return out;
        }
        List<String> all = new ArrayList<>(keys);
        for (int i = 0; i < all.size(); i += KEYS_PER_QUERY) {
            String[] chunk = all.subList(i, Math.min(all.size(), i + KEYS_PER_QUERY)).toArray(String[]::new);
            query(resourceCode, "select * from " + table(resourceCode) + " where _key = any(?) order by _key",
                    new Object[]{chunk}, out::add);
        }
        return out;
    }

    @Override
    public List<StandardRecord> findByField(String resourceCode, String field, Collection<String> values, int limit) {
        List<StandardRecord> out = new ArrayList<>();
        Resource r = catalog.findByCode(resourceCode).orElse(null);
        if (values.isEmpty() || r == null || !exists(resourceCode)) {
            return out;
        }
        List<String> fields = r.fields().stream().map(ResourceField::name).toList();
        int i = fields.indexOf(field);
        if (i < 0) {
            return out;
        }
        String column = RawTable.columnNames(fields).get(i);
        query(resourceCode, "select * from " + table(resourceCode) + " where " + RawTable.quote(column)
                + "::text = any(?) order by _key limit " + Math.max(1, limit), new Object[]{values.toArray(String[]::new)}, out::add);
        return out;
    }

    private void query(String resourceCode, String sql, Object[] params, Consumer<StandardRecord> sink) {
        Map<String, String> fieldOfColumn = fieldsOfColumns(resourceCode);
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);   // a cursor needs a transaction
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setFetchSize(FETCH_SIZE);
                for (int i = 0; i < params.length; i++) {
                    if (params[i] instanceof String[] array) {
                        s.setArray(i + 1, c.createArrayOf("text", array));
                    } else {
                        s.setObject(i + 1, params[i]);
                    }
                }
                try (ResultSet rs = s.executeQuery()) {
                    ResultSetMetaData meta = rs.getMetaData();
                    int n = meta.getColumnCount();
                    String[] names = new String[n + 1];
                    int key = 0;
                    int batch = 0;
                    int row = 0;
                    int valid = 0;
                    int updated = 0;
                    for (int i = 1; i <= n; i++) {
                        String column = meta.getColumnName(i);
                        switch (column) {
                            case "_key" -> key = i;
                            case "_batch" -> batch = i;
                            case "_row" -> row = i;
                            case "_valid" -> valid = i;
                            case "_updated_at" -> updated = i;
                            default -> {
                                if (!column.startsWith("_")) {
                                    names[i] = fieldOfColumn.getOrDefault(column, column);
                                }
                            }
                        }
                    }
                    while (rs.next()) {
                        Map<String, String> values = new LinkedHashMap<>();
                        for (int i = 1; i <= n; i++) {
                            if (names[i] != null) {
                                String v = rs.getString(i);
                                if (v != null) {
                                    values.put(names[i], v);
                                }
                            }
                        }
                        Timestamp t = updated > 0 ? rs.getTimestamp(updated) : null;
                        sink.accept(new StandardRecord(resourceCode, rs.getString(key), rs.getLong(batch), rs.getLong(row),
                                valid > 0 && rs.getBoolean(valid), t == null ? Instant.EPOCH : t.toInstant(), values));
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("cannot read the STANDARD rows of " + resourceCode, e);
        }
    }

    @Override
    public Optional<StandardTableLayout> layout(String resourceCode) {
        if (!exists(resourceCode)) {
            return Optional.empty();
        }
        Map<String, String> fieldOfColumn = fieldsOfColumns(resourceCode);
        Map<String, StandardTableLayout.Column> columns = new LinkedHashMap<>();
        jdbc.sql("""
                select column_name, data_type from information_schema.columns
                where table_schema = :schema and table_name = :table order by ordinal_position""")
                .param("schema", StandardTable.SCHEMA).param("table", RawTable.tableName(resourceCode))
                .query((rs, n) -> {
                    String column = rs.getString(1);
                    if (!column.startsWith("_")) {
                        columns.put(fieldOrFactOf(column, fieldOfColumn),
                                new StandardTableLayout.Column(RawTable.quote(column), sqlType(rs.getString(2))));
                    }
                    return null;
                }).list();
        return Optional.of(new StandardTableLayout(resourceCode, table(resourceCode), columns));
    }

    @Override
    public void ensureIndex(String resourceCode, List<String> fieldsOrFacts) {
        StandardTableLayout layout = layout(resourceCode)
                .orElseThrow(() -> new IllegalArgumentException("resource " + resourceCode + " has no STANDARD table yet"));
        List<String> columns = new ArrayList<>();
        for (String f : fieldsOrFacts) {
            columns.add(layout.column(f).orElseThrow(() -> new IllegalArgumentException(
                    "the STANDARD table of " + resourceCode + " has no column " + f)).quotedName());
        }
        String joined = String.join(", ", columns);
        String name = "ix_" + HexFormat.of().formatHex(sha256(layout.qualifiedName() + "(" + joined + ")"), 0, 10);
        try {
            jdbc.sql("create index if not exists " + name + " on " + layout.qualifiedName() + " (" + joined + ")").update();
        } catch (DataAccessException e) {
            // Two nodes creating the same index at once: one wins, the other finds it there.
            if (!jdbc.sql("select to_regclass(:i) is not null").param("i", StandardTable.SCHEMA + "." + name)
                    .query(Boolean.class).single()) {
                throw e;
            }
        }
    }

    private static String fieldOrFactOf(String column, Map<String, String> fieldOfColumn) {
        int fact = column.indexOf("__");
        if (fact < 0) {
            return fieldOfColumn.getOrDefault(column, column);
        }
        String field = column.substring(0, fact);
        return fieldOfColumn.getOrDefault(field, field) + column.substring(fact);
    }

    private static String sqlType(String informationSchemaType) {
        return switch (informationSchemaType) {
            case "timestamp with time zone" -> "timestamptz";
            case "character varying" -> "text";
            default -> informationSchemaType;
        };
    }

    private static byte[] sha256(String s) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Column → field name for the resource's fields (and field-column__fact → field__fact for the facts). */
    private Map<String, String> fieldsOfColumns(String resourceCode) {
        Map<String, String> map = new HashMap<>();
        Resource r = catalog.findByCode(resourceCode).orElse(null);
        if (r == null) {
            return map;
        }
        List<String> fields = r.fields().stream().map(ResourceField::name).toList();
        List<String> columns = RawTable.columnNames(fields);
        for (int i = 0; i < fields.size(); i++) {
            if (!columns.get(i).equals(fields.get(i))) {
                map.put(columns.get(i), fields.get(i));
            }
        }
        return map;
    }
}
