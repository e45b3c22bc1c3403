package dev.banyan.linkage.internal;

import dev.banyan.linkage.ComparatorKind;

/** Creates the comparator (比较器) for a {@link ComparatorKind}. */
public final class Comparators {

    private Comparators() {
    }

    public static FieldComparator<?> of(ComparatorKind kind) {
        return switch (kind) {
            case EXACT -> new ExactComparator();
            case STRING -> new StringComparator();
            case NAME -> new NameComparator();
            case DATE -> new DateComparator();
            case PHONE -> new PhoneComparator();
            case ADDRESS -> new AddressComparator();
            case NUMBER -> new NumberComparator();
            case IDENTITY_NUMBER -> new IdentifierComparator(false);
            case CREDIT_CODE -> new IdentifierComparator(true);
            case SEX -> new SexComparator();
        };
    }
}
