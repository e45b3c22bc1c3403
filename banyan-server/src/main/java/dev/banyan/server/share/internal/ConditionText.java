package dev.banyan.server.share.internal;

import dev.banyan.server.platform.InvalidInputException;
import dev.banyan.server.share.ConditionOperator;
import dev.banyan.server.share.RowCondition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Row conditions as a person writes them in the console, one a line: {@code field OPERATOR value[,value…]}, e.g.
 * {@code 死亡原因 IN 疾病,意外}; the operator is {@code EQ} (or {@code =}), {@code IN}, {@code PREFIX}, {@code GE}
 * (or {@code >=}) or {@code LE} (or {@code <=}).
 */
final class ConditionText {

    private ConditionText() {
    }

    static List<RowCondition> parse(String text) {
        List<RowCondition> conditions = new ArrayList<>();
        if (text == null) {
            return conditions;
        }
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s+", 3);
            ConditionOperator operator = parts.length == 3 ? operator(parts[1]) : null;
            if (operator == null) {
                throw new InvalidInputException("conditions", "share.subscription.error.conditionSyntax", i + 1, line);
            }
            conditions.add(new RowCondition(parts[0], operator,
                    Arrays.stream(parts[2].split("[,，]")).map(String::strip).filter(v -> !v.isEmpty()).toList()));
        }
        return conditions;
    }

    /** The conditions as {@link #parse} reads them. */
    static String format(List<RowCondition> conditions) {
        StringBuilder text = new StringBuilder();
        for (RowCondition c : conditions) {
            text.append(c.field()).append(' ').append(c.operator().name()).append(' ').append(String.join(",", c.values()))
                    .append('\n');
        }
        return text.toString().strip();
    }

    private static ConditionOperator operator(String word) {
        return switch (word.toUpperCase(Locale.ROOT)) {
            case "=", "EQ" -> ConditionOperator.EQ;
            case "IN" -> ConditionOperator.IN;
            case "PREFIX" -> ConditionOperator.PREFIX;
            case ">=", "GE" -> ConditionOperator.GE;
            case "<=", "LE" -> ConditionOperator.LE;
            default -> null;
        };
    }
}
