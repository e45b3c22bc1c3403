package dev.banyan.server.fuse.internal;

import dev.banyan.standards.Masking;
import dev.banyan.server.catalog.Resource;
import dev.banyan.server.catalog.ResourceField;
import dev.banyan.server.catalog.ResourceStatus;
import dev.banyan.server.fuse.EntityKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which catalog resources feed a base library, and which of their fields carry each attribute (数据来源映射), chosen
 * from the fields' data elements: a resource with a person's own identity number (DE0001), or name and birth date,
 * describes persons; one with a credit code (DE0010) or taxpayer number (DE0025) and no person's own identifier
 * describes companies and other organisations. A field about someone else — the head of household, a spouse, a
 * mother, a guardian, an employer — is not the record's own and is left out. Fields without a data element carry an
 * attribute when their name says so (居住地址, 出生年月 …).
 */
final class EntitySources {

    /** Prefixes of fields about another party than the record's subject. */
    private static final List<String> RELATIONS = List.of("户主", "配偶", "母亲", "父亲", "监护人", "用人单位", "扣缴义务人",
            "曾用", "联系人", "经办人", "代理人", "所属", "employer", "emp_", "operator_", "mother", "father", "guardian");

    static final List<Attribute> PERSON = List.of(
            new Attribute("name", List.of("DE0002"), List.of("姓名", "权利人名称", "psn_name", "name"), true, Masking.Kind.NAME),
            new Attribute("id", List.of("DE0001"), List.of(), true, Masking.Kind.IDENTIFIER),
            new Attribute("birth", List.of("DE0004"), List.of("出生日期", "出生年月", "birth", "brdy"), true, Masking.Kind.DATE),
            new Attribute("sex", List.of("DE0003"), List.of("性别", "gend", "sex"), true, Masking.Kind.NONE),
            new Attribute("phone", List.of("DE0006"), List.of("电话", "手机", "phone", "tel"), true, Masking.Kind.PHONE),
            new Attribute("address", List.of("DE0007"), List.of("户籍地址", "居住地址", "家庭住址", "住址", "地址", "addr"), true,
                    Masking.Kind.ADDRESS),
            new Attribute("ethnicity", List.of("DE0005"), List.of(), false, Masking.Kind.NONE),
            new Attribute("marital", List.of("DE0008"), List.of(), false, Masking.Kind.NONE),
            new Attribute("death", List.of("DE0009"), List.of(), false, Masking.Kind.NONE),
            // the standardised address's street, community and grid cell (街道, 社区, 网格): facts of the address field
            new Attribute("street", List.of(), List.of(), false, Masking.Kind.NONE),
            new Attribute("community", List.of(), List.of(), false, Masking.Kind.NONE),
            new Attribute("grid", List.of(), List.of(), false, Masking.Kind.NONE));

    static final List<Attribute> COMPANY = List.of(
            new Attribute("name", List.of("DE0011"), List.of("企业名称", "单位名称", "纳税人名称", "名称", "name"), true, Masking.Kind.NONE),
            new Attribute("uscc", List.of("DE0010", "DE0025"), List.of("uscc"), true, Masking.Kind.NONE),
            new Attribute("orgcode", List.of(), List.of("组织机构代码"), true, Masking.Kind.NONE),
            new Attribute("address", List.of(), List.of("住所", "单位地址", "地址", "address"), true, Masking.Kind.NONE),
            new Attribute("phone", List.of("DE0006"), List.of("电话", "phone"), true, Masking.Kind.NONE),
            new Attribute("representative", List.of("DE0012"), List.of("法定代表人", "legal_representative"), true,
                    Masking.Kind.NAME),
            new Attribute("capital", List.of("DE0013"), List.of(), false, Masking.Kind.NONE),
            new Attribute("established", List.of("DE0014"), List.of(), false, Masking.Kind.NONE));

    /**
     * One resource feeding a library.
     *
     * @param resource     the catalog resource
     * @param fields       the field carrying each attribute of the kind, in the kind's attribute order (null: none)
     */
    record Source(Resource resource, String[] fields) {

        String field(int attribute) {
            return fields[attribute];
        }

        @Override
        public String toString() {
            return resource.code() + Arrays.toString(fields);
        }
    }

    private EntitySources() {
    }

    static List<Attribute> attributes(EntityKind kind) {
        return kind == EntityKind.PERSON ? PERSON : COMPANY;
    }

    /** The resources feeding the kind's library, in resource-code order; retired and draft resources are left out. */
    static List<Source> of(EntityKind kind, List<Resource> resources) {
        List<Source> out = new ArrayList<>();
        for (Resource r : resources.stream().sorted(java.util.Comparator.comparing(Resource::code)).toList()) {
            if (r.status() == ResourceStatus.RETIRED || r.status() == ResourceStatus.DRAFT) {
                continue;
            }
            boolean person = own(r, "DE0001") != null || own(r, "DE0002") != null && own(r, "DE0004") != null;
            boolean company = !person && (own(r, "DE0010") != null || own(r, "DE0025") != null);
            if (kind == EntityKind.PERSON ? person : company) {
                List<Attribute> attributes = attributes(kind);
                String[] fields = new String[attributes.size()];
                for (int i = 0; i < fields.length; i++) {
                    fields[i] = pick(r, attributes.get(i));
                }
                int address = indexOf(attributes, "address");
                String addressField = address < 0 ? null : fields[address];
                boolean standardised = addressField != null && r.fields().stream().anyMatch(f -> f.name().equals(addressField)
                        && ("DE0007".equals(f.dataElement()) || "DE0018".equals(f.dataElement())));
                for (String fact : List.of("street", "community", "grid")) {
                    int i = indexOf(attributes, fact);
                    if (i >= 0) {
                        fields[i] = standardised ? addressField + "__" + fact : null;
                    }
                }
                if (fields[0] != null || fields[1] != null) {
                    out.add(new Source(r, fields));
                }
            }
        }
        return out;
    }

    static int indexOf(List<Attribute> attributes, String name) {
        for (int i = 0; i < attributes.size(); i++) {
            if (attributes.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static String pick(Resource r, Attribute a) {
        for (String element : a.elements()) {
            String f = own(r, element);
            if (f != null) {
                return f;
            }
        }
        for (String hint : a.nameHints()) {
            for (ResourceField f : r.fields()) {
                if (f.dataElement() == null && !f.key() && !related(f) && (contains(f.name(), hint)
                        || f.description() != null && contains(f.description(), hint))) {
                    return f.name();
                }
            }
        }
        return null;
    }

    /** The record's own field of the element: the authoritative one if marked, else the first not about another party. */
    static String own(Resource r, String element) {
        String first = null;
        for (ResourceField f : r.fields()) {
            if (element.equals(f.dataElement()) && !related(f)) {
                if (f.authoritative()) {
                    return f.name();
                }
                if (first == null) {
                    first = f.name();
                }
            }
        }
        return first;
    }

    private static boolean related(ResourceField f) {
        String name = f.name().toLowerCase(Locale.ROOT);
        String description = f.description() == null ? "" : f.description().toLowerCase(Locale.ROOT);
        return RELATIONS.stream().anyMatch(p -> name.startsWith(p) || description.startsWith(p));
    }

    private static boolean contains(String text, String hint) {
        return text.toLowerCase(Locale.ROOT).contains(hint);
    }
}
