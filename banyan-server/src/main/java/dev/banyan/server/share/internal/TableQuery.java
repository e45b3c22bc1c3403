package dev.banyan.server.share.internal;

import dev.banyan.server.ingest.StandardTableLayout;
import dev.banyan.server.share.Aggregation;
import dev.banyan.server.share.ConditionOperator;
import dev.banyan.server.share.RowCondition;
import dev.banyan.server.share.ServiceDefinition;
import dev.banyan.server.share.ServiceKind;
import dev.banyan.server.share.ServiceParameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One data service's SQL for one grant and one set of given parameters (查询计划), compiled once and reused: the
 * service's output columns (or groups and measures) from its STANDARD table, where its fixed conditions, the given
 * parameters and the grant's row scope hold. Identifiers come only from the table's layout; every value is a bind
 * parameter cast to its column's type, so no caller text ever becomes SQL.
 *
 * @param sql        the statement; a LIST query ends with {@code limit ? offset ?}
 * @param binds      values bound before the limit, in order: text, or text arrays for {@code IN} and {@code PREFIX}
 * @param parameters which of the service's parameters are bound, in order, after the fixed binds
 * @param columns    the result's column labels: output fields, or group fields then measure names
 */
record TableQuery(String sql, List<Object> binds, List<ServiceParameter> parameters, List<String> columns) {

    /**
     * Compiles the query.
     *
     * @param given which parameters the caller gave (by position in the definition); others are left out
     */
    static TableQuery compile(ServiceDefinition d, StandardTableLayout layout, List<RowCondition> rowScope, boolean[] given) {
        StringBuilder where = new StringBuilder();
        List<Object> binds = new ArrayList<>();
        for (RowCondition c : d.conditions()) {
            condition(layout, c, where, binds);
        }
        for (RowCondition c : rowScope) {
            condition(layout, c, where, binds);
        }
        List<ServiceParameter> bound = new ArrayList<>();
        for (int i = 0; i < d.parameters().size(); i++) {
            if (given[i]) {
                ServiceParameter p = d.parameters().get(i);
                StandardTableLayout.Column col = column(layout, p.field());
                and(where).append(col.quotedName()).append(switch (p.operator()) {
                    case GE -> " >= ?::";
                    case LE -> " <= ?::";
                    default -> " = ?::";
                }).append(col.sqlType());
                bound.add(p);
            }
        }
        String whereClause = where.isEmpty() ? "" : " where " + where;
        StringBuilder sql = new StringBuilder("select ");
        List<String> columns = new ArrayList<>();
        if (d.kind() == ServiceKind.AGGREGATE) {
            Aggregation a = d.aggregation();
            List<String> groups = new ArrayList<>();
            for (String g : a.groupBy()) {
                groups.add(column(layout, g).quotedName());
                columns.add(g);
            }
            List<String> select = new ArrayList<>(groups);
            for (Aggregation.Measure m : a.measures()) {
                String fn = m.function().toLowerCase(Locale.ROOT);
                select.add(fn.equals("count") ? "count(*)" : fn + "(" + column(layout, m.field()).quotedName() + ")");
                columns.add(measureName(m));
            }
            sql.append(String.join(", ", select)).append(" from ").append(layout.qualifiedName()).append(whereClause);
            if (!groups.isEmpty()) {
                String byGroups = String.join(", ", groups);
                sql.append(" group by ").append(byGroups).append(" order by ").append(byGroups);
            }
            sql.append(" limit 10000");
        } else {
            List<String> select = new ArrayList<>();
            for (String f : d.output()) {
                select.add(column(layout, f).quotedName());
                columns.add(f);
            }
            sql.append(String.join(", ", select)).append(" from ").append(layout.qualifiedName()).append(whereClause);
            // A lookup answers with the newest version of the subject; a list pages in a stable order.
            sql.append(d.kind() == ServiceKind.LOOKUP ? " order by _updated_at desc, _key limit 1" : " order by _key limit ? offset ?");
        }
        return new TableQuery(sql.toString(), List.copyOf(binds), List.copyOf(bound), List.copyOf(columns));
    }

    static String measureName(Aggregation.Measure m) {
        if (m.name() != null && !m.name().isBlank()) {
            return m.name();
        }
        String fn = m.function().toLowerCase(Locale.ROOT);
        return m.field() == null ? fn : fn + "_" + m.field();
    }

    private static void condition(StandardTableLayout layout, RowCondition c, StringBuilder where, List<Object> binds) {
        StandardTableLayout.Column col = column(layout, c.field());
        if (c.operator() == ConditionOperator.PREFIX) {
            and(where).append(col.quotedName()).append("::text like any(?::text[])");
            binds.add(c.values().stream().map(v -> v.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                    .toArray(String[]::new));
        } else if (c.operator() == ConditionOperator.IN || c.values().size() != 1) {
            and(where).append(col.quotedName()).append(" = any(?::").append(col.sqlType()).append("[])");
            binds.add(c.values().toArray(String[]::new));
        } else {
            and(where).append(col.quotedName()).append(switch (c.operator()) {
                case GE -> " >= ?::";
                case LE -> " <= ?::";
                default -> " = ?::";
            }).append(col.sqlType());
            binds.add(c.values().getFirst());
        }
    }

    private static StringBuilder and(StringBuilder where) {
        return where.isEmpty() ? where : where.append(" and ");
    }

    private static StandardTableLayout.Column column(StandardTableLayout layout, String field) {
        return layout.column(field).orElseThrow(() -> new IllegalStateException(
                "the STANDARD table of " + layout.resourceCode() + " has no column " + field + " any more; republish the service"));
    }
}
