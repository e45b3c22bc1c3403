package dev.banyan.server.ingest.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates and extends STANDARD tables from catalog definitions, like {@link RawTables} for RAW. A field added to the
 * resource becomes a new column; a field whose type changed keeps its column's type (changing it would need a
 * rewrite of the table: drop the table and re-govern the RAW batches instead).
 */
final class StandardTables {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    StandardTables(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    StandardTable ensure(String resourceCode, RowStandardiser rows) {
        StandardTable table = StandardTable.of(resourceCode, rows);
        transactions.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('banyan.ingest.std-ddl'))").query().singleValue();
            jdbc.sql("create schema if not exists " + StandardTable.SCHEMA).update();
            Set<String> existing = new HashSet<>(jdbc.sql("""
                    select a.attname from pg_attribute a
                    where a.attrelid = to_regclass(:t) and a.attnum > 0 and not a.attisdropped""")
                    .param("t", table.qualifiedName()).query(String.class).list());
            if (existing.isEmpty()) {
                StringBuilder ddl = new StringBuilder("create table ").append(table.qualifiedName()).append(" (");
                for (int i = 0; i < table.columns().size(); i++) {
                    ddl.append(RawTable.quote(table.columns().get(i))).append(' ').append(table.sqlTypes().get(i)).append(", ");
                }
                ddl.append("_key text collate \"C\" constraint ").append(table.primaryKey()).append(" primary key, _batch bigint not null, _row bigint not null,"
                        + " _row_hash bytea not null, _valid boolean not null, _flags jsonb,"
                        + " _updated_at timestamptz not null default now())");
                jdbc.sql(ddl.toString()).update();
                jdbc.sql("comment on table " + table.qualifiedName() + " is "
                        + RawTable.literal("STANDARD zone of catalog resource " + resourceCode)).update();
            }
            for (int i = 0; i < table.columns().size(); i++) {
                String column = table.columns().get(i);
                if (!existing.contains(column)) {
                    if (!existing.isEmpty()) {
                        jdbc.sql("alter table " + table.qualifiedName() + " add column if not exists "
                                + RawTable.quote(column) + " " + table.sqlTypes().get(i)).update();
                    }
                    String meaning = i < table.fields().size() ? table.fields().get(i)
                            : "derived: " + column.replace("__", " → ");
                    jdbc.sql("comment on column " + table.qualifiedName() + "." + RawTable.quote(column) + " is "
                            + RawTable.literal(meaning)).update();
                }
            }
        });
        return table;
    }

    /** The column types as they are in the database (a column keeps its first type). */
    List<String> actualTypes(StandardTable table) {
        return jdbc.sql("""
                select format_type(a.atttypid, a.atttypmod) from unnest(cast(:cols as text[])) with ordinality c(name, n)
                join pg_attribute a on a.attrelid = to_regclass(:t) and a.attname = c.name order by c.n""")
                .param("cols", table.columns().toArray(String[]::new)).param("t", table.qualifiedName())
                .query(String.class).list();
    }
}
