package dev.banyan.server.ingest;

import java.util.Map;
import java.util.Optional;

/**
 * How a resource's STANDARD table (标准库表) is laid out, for modules that serve its rows read-only in SQL (the
 * exchange's data services): its qualified name and, for each catalog field and derived fact, the quoted column and
 * its PostgreSQL type. The ingest module owns the table; readers build {@code select} statements from this layout
 * and never write to it (ADR 0010).
 *
 * @param resourceCode  the catalog resource
 * @param qualifiedName e.g. {@code std."101001_113501000350010382_001"}
 * @param columns       field name or {@code field__fact} → column, in table order
 */
public record StandardTableLayout(String resourceCode, String qualifiedName, Map<String, Column> columns) {

    /**
     * One column.
     *
     * @param quotedName the column's SQL identifier, quoted
     * @param sqlType    {@code text}, {@code date}, {@code numeric}, {@code bigint}, {@code boolean}, …
     */
    public record Column(String quotedName, String sqlType) {
    }

    public StandardTableLayout {
        columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
    }

    /** The column of a field or fact, if the table has it. */
    public Optional<Column> column(String fieldOrFact) {
        return Optional.ofNullable(columns.get(fieldOrFact));
    }
}
