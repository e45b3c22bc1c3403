package dev.banyan.server.ingest;

import java.util.List;

/**
 * A suggested field mapping (字段映射建议) for a source and a resource: for each catalog field, the source column that
 * seems to carry it and why — for a person to confirm or change before the job is created.
 *
 * @param sourceColumns the source's columns, in order
 * @param fields        one suggestion per catalog field, in catalog order
 * @param unusedColumns source columns no field takes
 */
public record MappingSuggestion(List<String> sourceColumns, List<SuggestedField> fields, List<String> unusedColumns) {

    /** Why a column was suggested for a field. */
    public enum Reason {
        /** The column has the field's name. */
        SAME_NAME,
        /** The names are equal once spacing, width and case are ignored. */
        SIMILAR_NAME,
        /** The column's name is a name or alias of the field's data element (身份证号 for 公民身份号码). */
        DATA_ELEMENT,
        /** Nothing fits; the field would be landed empty. */
        NONE
    }

    /**
     * @param column the suggested source column, or {@code null}
     */
    public record SuggestedField(String field, String dataElement, String column, Reason reason) {
    }

    public MappingSuggestion {
        sourceColumns = List.copyOf(sourceColumns);
        fields = List.copyOf(fields);
        unusedColumns = List.copyOf(unusedColumns);
    }

    /** The mapping as {@link NewIngestJob#fieldMapping()} takes it: field → column, for fields with a suggestion. */
    public java.util.Map<String, String> asMapping() {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        for (SuggestedField f : fields) {
            if (f.column() != null) {
                m.put(f.field(), f.column());
            }
        }
        return m;
    }
}
