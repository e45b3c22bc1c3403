package dev.banyan.server.catalog;

/**
 * One changed element between two versions of a resource (字段级差异), e.g. {@code shareType}
 * from {@code UNCONDITIONAL} to {@code CONDITIONAL}, or {@code fields[身份证号].dataElement}.
 *
 * @param before null when the element was added
 * @param after  null when the element was removed
 */
public record FieldDiff(String path, String before, String after) {

    /** As evidence payload: the path and both values, absent values left out. */
    public java.util.Map<String, Object> asMap() {
        java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
        map.put("path", path);
        if (before != null) {
            map.put("before", before);
        }
        if (after != null) {
            map.put("after", after);
        }
        return map;
    }
}
