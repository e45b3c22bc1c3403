package dev.banyan.server.share.internal;

import dev.banyan.server.catalog.PersonalInformation;
import dev.banyan.server.catalog.Resource;
import dev.banyan.server.catalog.ResourceField;
import dev.banyan.server.ingest.StandardTableLayout;
import java.util.List;

/**
 * An output field of a data service as a reader of its description needs it (输出字段说明): what it means in the
 * catalog, whether it is personal or sensitive personal information (and so masked unless granted in clear), and
 * its type in the STANDARD table. A derived fact ({@code 户籍地址__street}) takes its meaning and its personal
 * category from its field.
 *
 * @param field       the catalog field it is, or is derived from
 * @param fact        the fact's key ({@code street}, {@code birth_date} …), or null for the field itself
 * @param description the catalog field's description, or null
 * @param sqlType     the column's PostgreSQL type, or null when the resource has no STANDARD table (yet)
 */
record ServiceField(String name, String field, String fact, String description, PersonalInformation personalInformation,
                    String sqlType) {

    /** The fields of an output list, in order. */
    static List<ServiceField> of(List<String> names, Resource resource, StandardTableLayout layout) {
        return names.stream().map(n -> of(n, resource, layout)).toList();
    }

    static ServiceField of(String name, Resource resource, StandardTableLayout layout) {
        String field = RecordProjection.baseField(name);
        String fact = field.equals(name) ? null : name.substring(field.length() + 2);
        ResourceField f = resource == null ? null
                : resource.fields().stream().filter(rf -> rf.name().equals(field)).findFirst().orElse(null);
        String sqlType = layout == null ? null : layout.column(name).map(StandardTableLayout.Column::sqlType).orElse(null);
        return new ServiceField(name, field, fact, f == null ? null : f.description(),
                f == null ? PersonalInformation.NONE : f.personalInformation(), sqlType);
    }

    public boolean personal() {
        return personalInformation.isPersonal();
    }

    public boolean sensitive() {
        return personalInformation.isSensitive();
    }
}
