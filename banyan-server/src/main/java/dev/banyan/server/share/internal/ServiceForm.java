package dev.banyan.server.share.internal;

import dev.banyan.server.platform.InputProblem;
import dev.banyan.server.platform.InvalidInputException;
import dev.banyan.server.share.Aggregation;
import dev.banyan.server.share.ConditionOperator;
import dev.banyan.server.share.ParameterType;
import dev.banyan.server.share.RowCondition;
import dev.banyan.server.share.ServiceDefinition;
import dev.banyan.server.share.ServiceKind;
import dev.banyan.server.share.ServiceParameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.util.MultiValueMap;

/**
 * The console's form for a data service over a STANDARD table (服务定义表单) as a person fills it in: names, kind,
 * resource, parameter rows, output fields ticked, fixed conditions and, for statistics, groups and measures. Rows
 * left empty are dropped, so that row {@code i} of the form is item {@code i} of the definition and a problem such
 * as {@code parameters[1].field} is shown beside the second row; spare empty rows are offered below.
 */
record ServiceForm(String code, String nameZh, String nameEn, String description, ServiceKind kind, String resource,
                   String maxPageSize, List<ParameterRow> parameters, List<String> output, List<ConditionRow> conditions,
                   List<String> groupBy, List<MeasureRow> measures) {

    static final int SPARE_ROWS = 2;
    private static final int MAX_ROWS = 40;

    /** A parameter as typed; {@code required} is a ticked box. */
    record ParameterRow(String name, String field, ParameterType type, ConditionOperator operator, boolean required,
                        String description) {
    }

    /** A fixed condition as typed; several values are separated by commas. */
    record ConditionRow(String field, ConditionOperator operator, String values) {
    }

    /** A measure of a statistics service as typed. */
    record MeasureRow(String function, String field, String name) {
    }

    ServiceForm {
        parameters = List.copyOf(parameters);
        output = List.copyOf(output);
        conditions = List.copyOf(conditions);
        groupBy = List.copyOf(groupBy);
        measures = List.copyOf(measures);
    }

    static ServiceForm empty(String resource) {
        return new ServiceForm(null, null, null, null, ServiceKind.LOOKUP, resource, null, List.of(), List.of(), List.of(),
                List.of(), List.of());
    }

    /** Reads the form's inputs: {@code p0.name}, {@code c1.values}, {@code m0.function}, ticked {@code output} … */
    static ServiceForm of(MultiValueMap<String, String> in) {
        List<ParameterRow> parameters = new ArrayList<>();
        List<ConditionRow> conditions = new ArrayList<>();
        List<MeasureRow> measures = new ArrayList<>();
        for (int i = 0; i < MAX_ROWS; i++) {
            String name = text(in, "p" + i + ".name");
            if (name != null) {
                parameters.add(new ParameterRow(name, text(in, "p" + i + ".field"),
                        choice(ParameterType.class, text(in, "p" + i + ".type"), ParameterType.STRING),
                        choice(ConditionOperator.class, text(in, "p" + i + ".operator"), ConditionOperator.EQ),
                        in.containsKey("p" + i + ".required"), text(in, "p" + i + ".description")));
            }
            String field = text(in, "c" + i + ".field");
            if (field != null) {
                conditions.add(new ConditionRow(field, choice(ConditionOperator.class, text(in, "c" + i + ".operator"),
                        ConditionOperator.EQ), text(in, "c" + i + ".values")));
            }
            String function = text(in, "m" + i + ".function");
            if (function != null) {
                measures.add(new MeasureRow(function, text(in, "m" + i + ".field"), text(in, "m" + i + ".name")));
            }
        }
        return new ServiceForm(text(in, "code"), text(in, "nameZh"), text(in, "nameEn"), text(in, "description"),
                choice(ServiceKind.class, text(in, "kind"), ServiceKind.LOOKUP), text(in, "resource"), text(in, "maxPageSize"),
                parameters, values(in, "output"), conditions, values(in, "groupBy"), measures);
    }

    /**
     * The definition the form describes.
     *
     * @throws InvalidInputException when a number is not one; nothing is published then
     */
    ServiceDefinition definition() {
        Integer pageSize = null;
        if (maxPageSize != null && kind == ServiceKind.LIST) {
            try {
                pageSize = Integer.parseInt(maxPageSize.strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException(List.of(InputProblem.of("maxPageSize", "share.console.error.number", maxPageSize)));
            }
        }
        List<ServiceParameter> params = parameters.stream()
                .map(p -> new ServiceParameter(p.name(), p.field(), p.type(), p.operator(), p.required(), p.description()))
                .toList();
        List<RowCondition> fixed = conditions.stream().map(c -> new RowCondition(c.field(), c.operator(),
                c.values() == null ? List.of() : Arrays.stream(c.values().split("[,，]")).map(String::strip)
                        .filter(v -> !v.isEmpty()).toList())).toList();
        Aggregation aggregation = kind != ServiceKind.AGGREGATE ? null : new Aggregation(groupBy, measures.stream()
                .map(m -> new Aggregation.Measure(m.function().toUpperCase(Locale.ROOT), m.field(), m.name())).toList());
        return new ServiceDefinition(code, nameZh, nameEn, description, kind, resource, params,
                kind == ServiceKind.AGGREGATE ? List.of() : output, fixed, aggregation, pageSize, null, null, null);
    }

    /** The parameter rows to show: those filled in, then spare empty ones. */
    public List<ParameterRow> parameterRows() {
        List<ParameterRow> rows = new ArrayList<>(parameters);
        while (rows.size() < parameters.size() + SPARE_ROWS) {
            rows.add(new ParameterRow(null, null, ParameterType.STRING, ConditionOperator.EQ, rows.isEmpty(), null));
        }
        return rows;
    }

    public List<ConditionRow> conditionRows() {
        List<ConditionRow> rows = new ArrayList<>(conditions);
        while (rows.size() < conditions.size() + SPARE_ROWS) {
            rows.add(new ConditionRow(null, ConditionOperator.EQ, null));
        }
        return rows;
    }

    public List<MeasureRow> measureRows() {
        List<MeasureRow> rows = new ArrayList<>(measures);
        while (rows.size() < measures.size() + SPARE_ROWS) {
            rows.add(new MeasureRow(rows.isEmpty() ? "COUNT" : null, null, null));
        }
        return rows;
    }

    private static String text(MultiValueMap<String, String> in, String name) {
        String v = in.getFirst(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static List<String> values(MultiValueMap<String, String> in, String name) {
        List<String> v = in.get(name);
        return v == null ? List.of() : v.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).distinct().toList();
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, E otherwise) {
        if (value == null) {
            return otherwise;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return otherwise;
        }
    }
}
