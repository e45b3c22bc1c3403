package dev.banyan.linkage;

import java.util.Objects;

/**
 * One compared field of a {@link LinkSchema} (比较字段): its name, how it is compared, whether it is a strong identifier
 * and whether agreement on it is weighted by how rare the value is.
 *
 * @param name          the field (column) name
 * @param kind          the comparator
 * @param identifier    a strong identifier (身份证号, 统一社会信用代码): records sharing a valid value link with certainty,
 *                      and records with different valid values never end up in one cluster; needs kind
 *                      {@link ComparatorKind#IDENTITY_NUMBER} or {@link ComparatorKind#CREDIT_CODE}
 * @param termFrequency adjust exact agreement by the value's frequency (常见姓名降权): agreeing on 张伟 says less than
 *                      agreeing on 欧阳子墨
 */
public record FieldSpec(String name, ComparatorKind kind, boolean identifier, boolean termFrequency) {

    public FieldSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (identifier && kind != ComparatorKind.IDENTITY_NUMBER && kind != ComparatorKind.CREDIT_CODE) {
            throw new IllegalArgumentException("field " + name
                    + ": only IDENTITY_NUMBER and CREDIT_CODE fields can be identifiers");
        }
    }

    /** A plain compared field. */
    public static FieldSpec of(String name, ComparatorKind kind) {
        return new FieldSpec(name, kind, false, false);
    }
}
