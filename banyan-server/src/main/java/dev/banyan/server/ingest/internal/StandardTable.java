package dev.banyan.server.ingest.internal;

import java.util.List;

/**
 * The STANDARD-zone table of one catalog resource (标准库表): {@code std.<name>} with one typed column per catalog field
 * — named as in the RAW table, typed by the field's {@link FieldStandard} — plus the current version's lineage and
 * validity: {@code _key} (business key, unique), {@code _batch} and {@code _row} (the RAW row it came from),
 * {@code _row_hash} (of its standard values, so that an unchanged row is not rewritten), {@code _valid} (no field
 * flagged), {@code _flags} (field → problem codes), {@code _derived} (facts derived from values: birth date and sex in
 * an identity number, division, street, community and grid cell of an address, a name's traditional original) and
 * {@code _updated_at}.
 *
 * @param name     the table name, unquoted, in schema {@code std}; the same as the RAW table's
 * @param fields   catalog field names in catalog order
 * @param columns  the column of each field, unquoted
 * @param sqlTypes the PostgreSQL type of each column
 */
record StandardTable(String name, List<String> fields, List<String> columns, List<String> sqlTypes) {

    static final String SCHEMA = "std";

    StandardTable {
        fields = List.copyOf(fields);
        columns = List.copyOf(columns);
        sqlTypes = List.copyOf(sqlTypes);
    }

    static StandardTable of(String resourceCode, RowStandardiser rows) {
        List<String> fields = rows.fields().stream().map(f -> f.name()).toList();
        List<String> types = new java.util.ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            types.add(rows.standard(i).sqlType());
        }
        return new StandardTable(RawTable.tableName(resourceCode), fields, RawTable.columnNames(fields), types);
    }

    String qualifiedName() {
        return SCHEMA + "." + RawTable.quote(name);
    }
}
