package dev.banyan.server.ingest.internal;

/**
 * How one field of a resource is standardised (字段标准化规则): the rule for its data element (or, without one, for its
 * type) and the PostgreSQL type of its STANDARD column. Thread-safe; never throws on bad data.
 */
interface FieldStandard {

    /** The standard form of a raw value; blank input gives {@link StandardCell#BLANK}. */
    StandardCell standardise(String raw);

    /** The column type in the STANDARD table: {@code text}, {@code date}, {@code numeric}, {@code bigint} or {@code boolean}. */
    String sqlType();

    /**
     * The rule's name: the standard it follows ({@code GB 11643}), or a key such as {@code address} or {@code text}
     * that the console shows in the reader's language ({@code ingest.rule.<name>}).
     */
    String ruleName();

    /**
     * What the rule derives from a value beside its standard form, each kept in a typed column of its own next to
     * the field's (e.g. the birth date, sex and division in an identity number); the keys of
     * {@link StandardCell#derived()}.
     */
    default java.util.List<Fact> facts() {
        return java.util.List.of();
    }

    /**
     * Whether remembering recent values pays: the rule is costly and values repeat (a household's address), so a
     * lookup saves more than it costs. For cheap rules and unique values the lookup itself would be the cost.
     */
    default boolean worthRemembering() {
        return false;
    }

    /** A derived fact: its key ({@code birth_date}) and column type. */
    record Fact(String key, String sqlType) {
    }
}
