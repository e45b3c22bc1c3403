package dev.banyan.server.share.internal;

import dev.banyan.server.catalog.DataElement;
import dev.banyan.server.catalog.PersonalInformation;
import dev.banyan.server.catalog.Resource;
import dev.banyan.server.catalog.ResourceField;
import dev.banyan.server.ingest.StandardTableLayout;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * An output field of a data service as a reader of its description needs it (输出字段说明): what it means in the
 * catalog, whether it is personal or sensitive personal information (and so masked unless granted in clear), and
 * its type in the STANDARD table. A derived fact ({@code 户籍地址__street}) takes its meaning and its personal
 * category from its field.
 *
 * @param field       the catalog field it is, or is derived from
 * @param fact        the fact's key ({@code street}, {@code birth_date} …), or null for the field itself
 * @param description the catalog field's description, or null
 * @param element     the data element the field carries (数据元), which says what it means when it has no description
 * @param sqlType     the column's PostgreSQL type, or null when the resource has no STANDARD table (yet)
 */
record ServiceField(String name, String field, String fact, String description, DataElement element,
                    PersonalInformation personalInformation, String sqlType) {

    /** The fields of an output list, in order, without their data elements. */
    static List<ServiceField> of(List<String> names, Resource resource, StandardTableLayout layout) {
        return of(names, resource, layout, code -> Optional.empty());
    }

    /** The fields of an output list, in order, with the data elements found by code. */
    static List<ServiceField> of(List<String> names, Resource resource, StandardTableLayout layout,
                                 Function<String, Optional<DataElement>> elements) {
        return names.stream().map(n -> of(n, resource, layout, elements)).toList();
    }

    static ServiceField of(String name, Resource resource, StandardTableLayout layout) {
        return of(name, resource, layout, code -> Optional.empty());
    }

    static ServiceField of(String name, Resource resource, StandardTableLayout layout,
                           Function<String, Optional<DataElement>> elements) {
        String field = RecordProjection.baseField(name);
        String fact = field.equals(name) ? null : name.substring(field.length() + 2);
        ResourceField f = resource == null ? null
                : resource.fields().stream().filter(rf -> rf.name().equals(field)).findFirst().orElse(null);
        String sqlType = layout == null ? null : layout.column(name).map(StandardTableLayout.Column::sqlType).orElse(null);
        DataElement element = f == null || f.dataElement() == null ? null : elements.apply(f.dataElement()).orElse(null);
        return new ServiceField(name, field, fact, f == null ? null : f.description(), element,
                f == null ? PersonalInformation.NONE : f.personalInformation(), sqlType);
    }

    /** What the field means: its description, else its data element's name, code and standard; null if neither. */
    public String meaning(java.util.Locale locale) {
        if (description != null && !description.isBlank()) {
            return description;
        }
        if (element == null) {
            return null;
        }
        return element.name(locale) + " (" + element.code() + (element.standard() == null ? "" : ", " + element.standard()) + ")";
    }

    public boolean personal() {
        return personalInformation.isPersonal();
    }

    public boolean sensitive() {
        return personalInformation.isSensitive();
    }
}
