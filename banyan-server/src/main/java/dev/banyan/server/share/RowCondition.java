package dev.banyan.server.share;

import java.util.List;

/**
 * A condition on rows: a service's fixed filter (e.g. only living residents), or a grant's row scope (数据范围,
 * e.g. only residents of one district: {@code 户籍地址__division PREFIX 350102}).
 *
 * @param field    a field or {@code field__fact} of the source table
 * @param operator {@link ConditionOperator#EQ}, {@link ConditionOperator#IN} or {@link ConditionOperator#PREFIX}
 * @param values   one value, or several for {@code IN} and {@code PREFIX} (any of the prefixes)
 */
public record RowCondition(String field, ConditionOperator operator, List<String> values) {

    public RowCondition {
        operator = operator == null ? ConditionOperator.IN : operator;
        values = values == null ? List.of() : List.copyOf(values);
    }
}
