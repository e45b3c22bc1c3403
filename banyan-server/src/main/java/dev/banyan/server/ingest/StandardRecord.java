package dev.banyan.server.ingest;

import java.time.Instant;
import java.util.Map;

/**
 * One current row of a resource's STANDARD table (标准库记录), as other modules read it: the standardised value of each
 * catalog field by field name, the derived facts by {@code field__fact} (e.g. {@code 公民身份号码__birth_date},
 * {@code 户籍地址__grid}), and its lineage — business key, the batch and row of the RAW zone it came from, whether no
 * field was flagged, and when this version was written.
 *
 * @param resourceCode the catalog resource
 * @param key          the business key ({@code _key})
 * @param batch        the batch that wrote this version ({@code _batch})
 * @param row          the row number in that batch's RAW rows ({@code _row})
 * @param valid        no field of the row was flagged ({@code _valid})
 * @param updatedAt    when this version was written ({@code _updated_at})
 * @param values       field name (or {@code field__fact}) → standardised value as text; absent or null when empty
 */
public record StandardRecord(String resourceCode, String key, long batch, long row, boolean valid, Instant updatedAt,
                             Map<String, String> values) {

    /** The value of a field or fact, or null. */
    public String value(String field) {
        return field == null ? null : values.get(field);
    }
}
