package dev.banyan.server.fuse;

import dev.banyan.server.catalog.SubjectType;

/**
 * The base libraries (基础库) of the FUSION zone: natural persons (人口库, 一人一档) and legal entities — companies and
 * other organisations (法人库, 一企一档).
 */
public enum EntityKind {
    /** 自然人. */
    PERSON("P", SubjectType.PERSON),
    /** 法人及其他组织. */
    COMPANY("C", SubjectType.LEGAL_ENTITY);

    private final String prefix;
    private final SubjectType subject;

    EntityKind(String prefix, SubjectType subject) {
        this.prefix = prefix;
        this.subject = subject;
    }

    /** The first letter of the kind's entity ids, e.g. {@code P3F2A…}. */
    public String prefix() {
        return prefix;
    }

    /** The catalog's subject type, whose data elements have authoritative sources. */
    public SubjectType subject() {
        return subject;
    }

    /** Lower-case name as used in URLs and message codes, e.g. {@code person}. */
    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
