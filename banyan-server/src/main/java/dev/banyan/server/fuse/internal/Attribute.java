package dev.banyan.server.fuse.internal;

import dev.banyan.standards.Masking;
import java.util.List;

/**
 * One attribute of a base-library entity (实体属性) — a person's name, identity number, birth date …, a company's name,
 * credit code … — with the data element whose catalog fields carry it (and whose authoritative source wins in the
 * golden record), the names of untagged fields that carry it as well, and whether it is compared in linkage.
 *
 * @param name         attribute name, also the message suffix {@code fuse.attr.<name>}
 * @param elements     data elements carrying it, the first one being the element whose authority counts
 * @param nameHints    parts of field names (or descriptions) that carry it when the field has no data element
 * @param linked       compared in the linkage (one of the schema's fields, in this order)
 * @param mask         how it is masked
 */
record Attribute(String name, List<String> elements, List<String> nameHints, boolean linked, Masking.Kind mask) {

    String element() {
        return elements.isEmpty() ? null : elements.getFirst();
    }
}
