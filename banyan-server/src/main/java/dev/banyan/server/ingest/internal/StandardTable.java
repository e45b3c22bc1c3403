package dev.banyan.server.ingest.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The STANDARD-zone table of one catalog resource (标准库表): {@code std.<name>} with one typed column per catalog field
 * — named as in the RAW table, typed by the field's {@link FieldStandard} — then one typed column per derived fact
 * ({@code 公民身份号码__birth_date}, {@code 户籍地址__grid} …), then the current version's key, lineage and validity:
 * {@code _key} (business key, unique), {@code _batch} and {@code _row} (the RAW row it came from), {@code _row_hash}
 * (the RAW row's hash mixed with the rules' fingerprint, so that an unchanged row under unchanged rules is not
 * rewritten), {@code _valid} (no field flagged), {@code _flags}
 * (field → problem codes, JSON) and {@code _updated_at}.
 *
 * @param name     the table name, unquoted, in schema {@code std}; the same as the RAW table's
 * @param fields   catalog field names in catalog order
 * @param columns  the column of each field, then of each fact, unquoted
 * @param sqlTypes the PostgreSQL type of each column
 */
record StandardTable(String name, List<String> fields, List<String> columns, List<String> sqlTypes) {

    static final String SCHEMA = "std";

    /** The columns after the field and fact columns, in the order a COPY of a standard row writes them. */
    static final List<String> SYSTEM_COLUMNS = List.of("_key", "_batch", "_row", "_row_hash", "_valid", "_flags");

    StandardTable {
        fields = List.copyOf(fields);
        columns = List.copyOf(columns);
        sqlTypes = List.copyOf(sqlTypes);
    }

    static StandardTable of(String resourceCode, RowStandardiser rows) {
        List<String> names = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<String> fields = rows.fields().stream().map(f -> f.name()).toList();
        for (int i = 0; i < fields.size(); i++) {
            names.add(fields.get(i));
            types.add(rows.standard(i).sqlType());
        }
        for (RowStandardiser.FactSlot slot : rows.factSlots()) {
            names.add(fields.get(slot.field()) + "__" + slot.fact().key());
            types.add(slot.fact().sqlType());
        }
        return new StandardTable(RawTable.tableName(resourceCode), fields, RawTable.columnNames(names), types);
    }

    String qualifiedName() {
        return SCHEMA + "." + RawTable.quote(name);
    }

    /** The primary key constraint on {@code _key}, named explicitly so that a load can drop and rebuild it. */
    String primaryKey() {
        return RawTable.quote((name.length() > 60 ? name.substring(0, 60) : name) + "_pk");
    }

    /** The column list of a COPY of standard rows: every field and fact column, then {@link #SYSTEM_COLUMNS}. */
    String copyColumns() {
        StringBuilder b = new StringBuilder();
        for (String c : columns) {
            b.append(RawTable.quote(c)).append(", ");
        }
        return b.append(String.join(", ", SYSTEM_COLUMNS)).toString();
    }
}
