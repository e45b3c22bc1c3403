package dev.banyan.server.ingest.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates and extends RAW tables from catalog definitions (DDL issued by code, not Flyway, because the tables follow
 * the catalog). Tables are only ever extended: a field added to the resource becomes a new column; a removed field
 * keeps its column, since RAW is append-only history.
 */
public final class RawTables {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public RawTables(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Makes sure {@code raw.<code>} exists with a column for every field, and returns it. */
    public RawTable ensure(String resourceCode, List<String> fields) {
        RawTable table = RawTable.of(resourceCode, fields);
        transactions.executeWithoutResult(status -> {
            // DDL of the RAW zone is serialised across nodes, so two first batches of a resource do not race.
            jdbc.sql("select pg_advisory_xact_lock(hashtext('banyan.ingest.raw-ddl'))").query().singleValue();
            jdbc.sql("create schema if not exists " + RawTable.SCHEMA).update();
            Set<String> existing = new HashSet<>(jdbc.sql("""
                    select a.attname from pg_attribute a
                    where a.attrelid = to_regclass(:t) and a.attnum > 0 and not a.attisdropped""")
                    .param("t", table.qualifiedName()).query(String.class).list());
            if (existing.isEmpty()) {
                StringBuilder ddl = new StringBuilder("create table ").append(table.qualifiedName()).append(" (");
                for (String column : table.columns()) {
                    ddl.append(RawTable.quote(column)).append(" text, ");
                }
                ddl.append("_batch bigint not null, _row bigint not null, _row_hash bytea not null, ")
                        .append("primary key (_batch, _row))");
                jdbc.sql(ddl.toString()).update();
                jdbc.sql("comment on table " + table.qualifiedName() + " is "
                        + RawTable.literal("RAW zone of catalog resource " + resourceCode)).update();
            }
            for (int i = 0; i < table.columns().size(); i++) {
                String column = table.columns().get(i);
                if (existing.isEmpty() || !existing.contains(column)) {
                    if (!existing.isEmpty()) {
                        jdbc.sql("alter table " + table.qualifiedName() + " add column if not exists "
                                + RawTable.quote(column) + " text").update();
                    }
                    jdbc.sql("comment on column " + table.qualifiedName() + "." + RawTable.quote(column) + " is "
                            + RawTable.literal(table.fields().get(i))).update();
                }
            }
        });
        return table;
    }
}
