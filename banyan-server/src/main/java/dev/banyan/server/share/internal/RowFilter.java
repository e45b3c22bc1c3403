package dev.banyan.server.share.internal;

import dev.banyan.server.share.RowCondition;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/**
 * Row conditions checked on a row already read (行过滤): the service's fixed conditions, the grant's row scope and a
 * subscription's own conditions, all of which must hold. Values are the STANDARD zone's text: equal text for
 * {@code EQ} and {@code IN}, a text prefix for {@code PREFIX}, and for {@code GE}/{@code LE} numbers compared as
 * numbers and anything else (ISO dates) as text. An empty value meets no condition.
 */
final class RowFilter {

    private final List<RowCondition> conditions;

    RowFilter(List<RowCondition> conditions) {
        this.conditions = List.copyOf(conditions);
    }

    boolean matches(Function<String, String> value) {
        for (RowCondition c : conditions) {
            if (!matches(c, value.apply(c.field()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(RowCondition c, String v) {
        if (v == null || c.values().isEmpty()) {
            return false;
        }
        return switch (c.operator()) {
            case EQ -> v.equals(c.values().getFirst());
            case IN -> c.values().contains(v);
            case PREFIX -> c.values().stream().anyMatch(v::startsWith);
            case GE -> compare(v, c.values().getFirst()) >= 0;
            case LE -> compare(v, c.values().getFirst()) <= 0;
        };
    }

    private static int compare(String a, String b) {
        try {
            return new BigDecimal(a).compareTo(new BigDecimal(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }
}
