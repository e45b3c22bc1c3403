package dev.banyan.server.catalog;

/**
 * One changed element between two versions of a resource (字段级差异), e.g. {@code shareType}
 * from {@code UNCONDITIONAL} to {@code CONDITIONAL}, or {@code fields[身份证号].dataElement}.
 *
 * @param before null when the element was added
 * @param after  null when the element was removed
 */
public record FieldDiff(String path, String before, String after) {
}
