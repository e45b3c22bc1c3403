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
 *
 * <p>A RAW table has no primary key: {@code (_batch, _row)} is unique by construction (batch ids come from a
 * sequence, row numbers are 1…n within a batch, and a batch lands in one transaction that either commits all its
 * rows or none), and a B-tree over it cost nearly half of the landing time (a WAL record per row; see
 * docs/performance.md, "RAW landing"). The one index is a BRIN index on {@code _batch} — batches are appended one
 * after another, so each block range holds one or a few batches — which lets "the rows of batch N" skip the rest of
 * the table at a cost of a few pages.
 */
public final class RawTables {

    private static final String BATCH_INDEX = "create index on ";
    private static final String BATCH_INDEX_METHOD = " using brin (_batch) with (autosummarize = on)";

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
                ddl.append("_extra text, _batch bigint not null, _row bigint not null, _row_hash bytea not null)");
                jdbc.sql(ddl.toString()).update();
                jdbc.sql(BATCH_INDEX + table.qualifiedName() + BATCH_INDEX_METHOD).update();
                jdbc.sql("comment on table " + table.qualifiedName() + " is "
                        + RawTable.literal("RAW zone of catalog resource " + resourceCode)).update();
            } else {
                // Tables created before the primary key was dropped: drop it, index _batch as new tables do.
                List<String> keys = jdbc.sql("select conname from pg_constraint where conrelid = to_regclass(:t) and contype = 'p'")
                        .param("t", table.qualifiedName()).query(String.class).list();
                for (String key : keys) {
                    jdbc.sql("alter table " + table.qualifiedName() + " drop constraint " + RawTable.quote(key)).update();
                    jdbc.sql(BATCH_INDEX + table.qualifiedName() + BATCH_INDEX_METHOD).update();
                }
            }
            if (!existing.isEmpty() && !existing.contains("_extra")) {
                // Tables created before source columns outside the mapping were kept.
                jdbc.sql("alter table " + table.qualifiedName() + " add column _extra text").update();
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
