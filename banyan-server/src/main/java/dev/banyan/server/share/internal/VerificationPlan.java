package dev.banyan.server.share.internal;

import dev.banyan.server.catalog.Resource;
import dev.banyan.server.ingest.StandardTableLayout;
import dev.banyan.server.platform.InputProblem;
import dev.banyan.server.share.ConditionOperator;
import dev.banyan.server.share.ParameterType;
import dev.banyan.server.share.RowCondition;
import dev.banyan.server.share.ServiceDefinition;
import dev.banyan.server.share.ServiceParameter;
import dev.banyan.server.share.VerificationSpec;
import dev.banyan.server.share.VerificationSpec.Fact;
import dev.banyan.server.share.VerificationSpec.Via;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A verification service's definition checked and turned into what serving needs (核验执行计划): the compiled
 * {@link VerificationRule}, and one SQL statement that gathers every fact of many subjects at once — one aggregate
 * per fact over the STANDARD table, joined to the subjects and grouped by subject, members of a group (e.g. a
 * household) resolved once per {@link Via} — so that one subject is one query and a million subjects are one query
 * too. Plain Java: the catalog and the STANDARD layouts are passed in.
 */
final class VerificationPlan {

    static final Set<String> FUNCTIONS = Set.of("EXISTS", "COUNT", "SUM", "MIN", "MAX", "FIRST");
    private static final Set<String> CASTABLE = Set.of("text", "date", "numeric", "bigint", "integer", "smallint",
            "boolean", "timestamptz", "double precision", "real");

    /** The subjects a statement reads: {@code ord, given, id, problem} (id null for an invalid subject). */
    static final String SINGLE_SOURCE = "select 0::bigint as ord, null::text as given, cast(? as text) as id, null::text as problem";

    private final ServiceParameter subject;
    private final VerificationRule rule;
    private final List<ResolvedFact> facts;
    private final String primaryResource;
    private final Map<String, StandardTableLayout> layouts;

    private VerificationPlan(ServiceParameter subject, VerificationRule rule, List<ResolvedFact> facts,
                             String primaryResource, Map<String, StandardTableLayout> layouts) {
        this.subject = subject;
        this.rule = rule;
        this.facts = List.copyOf(facts);
        this.primaryResource = primaryResource;
        this.layouts = Map.copyOf(layouts);
    }

    /** One fact with its table resolved: the SQL of its aggregate and its bound values. */
    private record ResolvedFact(Fact fact, FactType type, StandardTableLayout table, String aggregate, String where,
                                List<Object> values, Via via, StandardTableLayout viaTable, String viaWhere,
                                List<Object> viaValues) {
    }

    /**
     * Checks a verification service's definition and builds its plan, adding every problem found (paths like
     * {@code verification.facts[1].field}).
     *
     * @param resources the catalog, by resource code
     * @param layouts   the STANDARD tables, by resource code (empty if the resource has not been governed)
     * @return the plan, or empty if there was a problem
     */
    static Optional<VerificationPlan> build(ServiceDefinition d, Function<String, Optional<Resource>> resources,
                                            Function<String, Optional<StandardTableLayout>> layouts,
                                            List<InputProblem> problems) {
        int before = problems.size();
        ServiceParameter subject = subjectParameter(d, problems);
        if (!d.conditions().isEmpty()) {
            problems.add(problem("conditions", "share.verification.error.conditions"));
        }
        VerificationSpec spec = d.verification();
        if (spec == null) {
            problems.add(problem("verification", "error.required"));
            return Optional.empty();
        }
        Map<String, StandardTableLayout> tables = new LinkedHashMap<>();
        Function<String, StandardTableLayout> table = code -> tables.computeIfAbsent(code,
                c -> layouts.apply(c).orElse(null));
        if (d.resource() != null && subject != null) {
            StandardTableLayout primary = resource(d.resource(), "resource", resources, table, problems);
            if (primary != null && subject.field() != null && primary.column(subject.field()).isEmpty()) {
                problems.add(problem("parameters[0].field", "share.verification.error.field.unknown", subject.field(),
                        d.resource()));
            }
        }

        Map<String, FactType> types = new LinkedHashMap<>();
        List<ResolvedFact> resolved = new ArrayList<>();
        for (int i = 0; i < spec.facts().size(); i++) {
            Fact f = spec.facts().get(i);
            String at = "verification.facts[" + i + "]";
            if (f == null) {
                problems.add(problem(at, "error.required"));
                continue;
            }
            if (!VerificationRule.validFactName(f.name())) {
                problems.add(problem(at + ".name", "share.verification.error.fact.name", f.name()));
            } else if (types.containsKey(f.name())) {
                problems.add(problem(at + ".name", "share.verification.error.fact.duplicate", f.name()));
            }
            ResolvedFact r = fact(f, at, resources, table, problems);
            if (r != null && VerificationRule.validFactName(f.name()) && !types.containsKey(f.name())) {
                types.put(f.name(), r.type());
                resolved.add(r);
            }
        }
        if (problems.size() > before) {
            // The rule is still compiled against the facts that are fine, so that its own problems are named too.
            VerificationRule.compile(spec.rule(), spec.reasons(), types, problems);
            return Optional.empty();
        }
        Optional<VerificationRule> rule = VerificationRule.compile(spec.rule(), spec.reasons(), types, problems);
        if (rule.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new VerificationPlan(subject, rule.get(), resolved, d.resource(), tables));
    }

    /** The service's single required parameter, of type {@link ParameterType#CITIZEN_ID}: the subject. */
    private static ServiceParameter subjectParameter(ServiceDefinition d, List<InputProblem> problems) {
        List<ServiceParameter> required = d.parameters().stream().filter(ServiceParameter::required).toList();
        if (required.size() != 1 || d.parameters().size() != 1) {
            problems.add(problem("parameters", "share.verification.error.subject.one"));
            return null;
        }
        ServiceParameter p = required.getFirst();
        if (p.type() != ParameterType.CITIZEN_ID) {
            problems.add(problem("parameters[0].type", "share.verification.error.subject.type", p.type()));
            return null;
        }
        if (p.name() == null || !VerificationRule.NAME.matcher(p.name()).matches()) {
            problems.add(problem("parameters[0].name", "share.verification.error.fact.name", p.name()));
            return null;
        }
        return p;
    }

    private static StandardTableLayout resource(String code, String at, Function<String, Optional<Resource>> resources,
                                                Function<String, StandardTableLayout> table, List<InputProblem> problems) {
        if (code == null || code.isBlank()) {
            problems.add(problem(at, "error.required"));
            return null;
        }
        if (resources.apply(code).isEmpty()) {
            problems.add(problem(at, "share.verification.error.resource.unknown", code));
            return null;
        }
        StandardTableLayout t = table.apply(code);
        if (t == null) {
            problems.add(problem(at, "share.verification.error.resource.noData", code));
        }
        return t;
    }

    private static StandardTableLayout.Column column(StandardTableLayout t, String field, String at,
                                                     List<InputProblem> problems) {
        if (field == null || field.isBlank()) {
            problems.add(problem(at, "error.required"));
            return null;
        }
        StandardTableLayout.Column c = t.column(field).orElse(null);
        if (c == null) {
            problems.add(problem(at, "share.verification.error.field.unknown", field, t.resourceCode()));
        }
        return c;
    }

    private static ResolvedFact fact(Fact f, String at, Function<String, Optional<Resource>> resources,
                                     Function<String, StandardTableLayout> table, List<InputProblem> problems) {
        int before = problems.size();
        String function = f.function() == null ? null : f.function().strip().toUpperCase(Locale.ROOT);
        if (function == null || !FUNCTIONS.contains(function)) {
            problems.add(problem(at + ".function", "share.verification.error.function.unknown", f.function()));
        }
        StandardTableLayout t = resource(f.resource(), at + ".resource", resources, table, problems);
        StandardTableLayout.Column match = t == null ? null : column(t, f.matchField(), at + ".matchField", problems);
        String aggregate = null;
        FactType type = null;
        if (t != null && function != null && FUNCTIONS.contains(function)) {
            if (function.equals("EXISTS") || function.equals("COUNT")) {
                if (f.field() != null && !f.field().isBlank()) {
                    problems.add(problem(at + ".field", "share.verification.error.field.notUsed", function));
                }
                type = function.equals("EXISTS") ? FactType.BOOL : FactType.INT;
                aggregate = function.equals("EXISTS") ? "true" : "count(*)";
            } else {
                StandardTableLayout.Column c = column(t, f.field(), at + ".field", problems);
                FactType valueType = c == null ? null : FactType.ofSql(c.sqlType());
                if (c != null && valueType == null) {
                    problems.add(problem(at + ".field", "share.verification.error.field.type", f.field(), c.sqlType()));
                } else if (c != null) {
                    String col = "t." + c.quotedName();
                    if (function.equals("SUM")) {
                        if (valueType != FactType.INT && valueType != FactType.DOUBLE) {
                            problems.add(problem(at + ".field", "share.verification.error.function.numeric", function, f.field()));
                        }
                        type = valueType;
                        aggregate = "sum(" + col + ")";
                    } else {
                        type = valueType;
                        String text = valueType == FactType.STRING && !c.sqlType().equals("text") ? "::text" : "";
                        aggregate = switch (function) {
                            case "MIN" -> valueType == FactType.BOOL ? "bool_and(" + col + ")" : "min(" + col + ")" + text;
                            case "MAX" -> valueType == FactType.BOOL ? "bool_or(" + col + ")" : "max(" + col + ")" + text;
                            default -> "(array_agg(" + col + " order by t._key))[1]" + text;
                        };
                    }
                }
            }
        }
        List<Object> values = new ArrayList<>();
        String where = t == null ? null : conditions("t", t, f.conditions(), at + ".conditions", values, problems);
        Via via = f.via();
        StandardTableLayout viaTable = null;
        String viaWhere = null;
        List<Object> viaValues = new ArrayList<>();
        if (via != null) {
            viaTable = resource(via.resource(), at + ".via.resource", resources, table, problems);
            if (viaTable != null) {
                column(viaTable, via.matchField(), at + ".via.matchField", problems);
                column(viaTable, via.groupField(), at + ".via.groupField", problems);
                column(viaTable, via.memberField(), at + ".via.memberField", problems);
                viaWhere = conditions("h2", viaTable, via.conditions(), at + ".via.conditions", viaValues, problems);
            }
        }
        if (problems.size() > before || match == null) {
            return null;
        }
        return new ResolvedFact(f, type, t, aggregate, where, values, via, viaTable, viaWhere, viaValues);
    }

    /** The SQL of row conditions on a table alias, {@code true} for none; values bound as text and cast. */
    private static String conditions(String alias, StandardTableLayout t, List<RowCondition> conditions, String at,
                                     List<Object> values, List<InputProblem> problems) {
        StringBuilder sql = new StringBuilder("true");
        for (int j = 0; j < conditions.size(); j++) {
            RowCondition c = conditions.get(j);
            String here = at + "[" + j + "]";
            StandardTableLayout.Column col = c == null ? null : column(t, c.field(), here + ".field", problems);
            if (col == null) {
                continue;
            }
            if (c.values().isEmpty() || (c.operator() != ConditionOperator.IN && c.operator() != ConditionOperator.PREFIX
                    && c.values().size() != 1)) {
                problems.add(problem(here + ".values", "share.verification.error.condition.values", c.operator()));
                continue;
            }
            String type = CASTABLE.contains(col.sqlType()) ? col.sqlType() : "text";
            String column = alias + "." + col.quotedName();
            if (c.operator() != ConditionOperator.PREFIX) {
                boolean ok = true;
                for (String v : c.values()) {
                    if (!fits(v, type)) {
                        problems.add(problem(here + ".values", "share.verification.error.condition.value", v, type));
                        ok = false;
                    }
                }
                if (!ok) {
                    continue;
                }
            }
            switch (c.operator()) {
                case EQ -> sql.append(" and ").append(column).append(" = cast(? as ").append(type).append(")");
                case GE -> sql.append(" and ").append(column).append(" >= cast(? as ").append(type).append(")");
                case LE -> sql.append(" and ").append(column).append(" <= cast(? as ").append(type).append(")");
                case IN -> sql.append(" and ").append(column).append(" = any(cast(? as ").append(type).append("[]))");
                case PREFIX -> {
                    sql.append(" and (false");
                    for (int k = 0; k < c.values().size(); k++) {
                        sql.append(" or starts_with(").append(column).append("::text, ?)");
                    }
                    sql.append(")");
                }
            }
            if (c.operator() == ConditionOperator.IN) {
                values.add(c.values().toArray(String[]::new));
            } else {
                values.addAll(c.values());
            }
        }
        return sql.toString();
    }

    private static boolean fits(String value, String type) {
        if (value == null) {
            return false;
        }
        try {
            switch (type) {
                case "date" -> LocalDate.parse(value);
                case "numeric", "double precision", "real" -> new BigDecimal(value);
                case "bigint", "integer", "smallint" -> Long.parseLong(value);
                case "boolean" -> {
                    return value.equals("true") || value.equals("false");
                }
                default -> {
                    return true;
                }
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static InputProblem problem(String field, String code, Object... arguments) {
        return new InputProblem(field, code, arguments);
    }

    // -----------------------------------------------------------------------------------------------------------------

    ServiceParameter subject() {
        return subject;
    }

    VerificationRule rule() {
        return rule;
    }

    /** Every resource the facts read, with the fields looked up, for the indexes that make a single call a point query. */
    Map<String, List<List<String>>> indexes() {
        Map<String, List<List<String>>> out = new LinkedHashMap<>();
        for (ResolvedFact f : facts) {
            out.computeIfAbsent(f.table().resourceCode(), k -> new ArrayList<>()).add(List.of(f.fact().matchField()));
            if (f.via() != null) {
                List<List<String>> v = out.computeIfAbsent(f.viaTable().resourceCode(), k -> new ArrayList<>());
                v.add(List.of(f.via().matchField()));
                v.add(List.of(f.via().groupField()));
            }
        }
        if (primaryResource != null && subject != null && layouts.get(primaryResource) != null) {
            out.computeIfAbsent(primaryResource, k -> new ArrayList<>()).add(List.of(subject.field()));
        }
        out.replaceAll((k, v) -> v.stream().distinct().toList());
        return out;
    }

    /**
     * The statement gathering every fact of the subjects in {@code source} (a relation of {@code ord, given, id,
     * problem}), one row per subject in {@code ord} order: {@code ord, given, id, problem}, then each fact's value
     * (null over no rows), then — if {@code scope} is given — whether the subject has a row of the service's resource
     * within that scope.
     */
    Statement statement(String source, List<RowCondition> scope) {
        List<Object> values = new ArrayList<>();
        StringBuilder sql = new StringBuilder("with src as (").append(source).append("),\n")
                .append("subj as (select distinct id from src where id is not null)");
        // A via: each subject's groups (sg), each group's members (gm) — resolved once for all the facts that use it.
        Map<Via, Integer> groups = new LinkedHashMap<>();
        for (ResolvedFact f : facts) {
            if (f.via() != null && !groups.containsKey(f.via())) {
                int k = groups.size();
                groups.put(f.via(), k);
                StandardTableLayout h = f.viaTable();
                String match = h.column(f.via().matchField()).orElseThrow().quotedName();
                String group = h.column(f.via().groupField()).orElseThrow().quotedName();
                String member = h.column(f.via().memberField()).orElseThrow().quotedName();
                sql.append(",\nsg").append(k).append(" as materialized (select distinct s.id, h1.").append(group)
                        .append(" as grp from subj s join ").append(h.qualifiedName()).append(" h1 on h1.").append(match)
                        .append(" = s.id where h1.").append(group).append(" is not null)");
                sql.append(",\ngm").append(k).append(" as materialized (select distinct h2.").append(group)
                        .append(" as grp, h2.").append(member).append(" as member from (select distinct grp from sg").append(k)
                        .append(") g join ").append(h.qualifiedName()).append(" h2 on h2.").append(group)
                        .append(" = g.grp where h2.").append(member).append(" is not null and ").append(f.viaWhere())
                        .append(")");
                values.addAll(f.viaValues());
            }
        }
        for (int i = 0; i < facts.size(); i++) {
            ResolvedFact f = facts.get(i);
            String match = f.table().column(f.fact().matchField()).orElseThrow().quotedName();
            if (f.via() == null) {
                sql.append(",\nf").append(i).append(" as (select s.id, ").append(f.aggregate()).append(" as v from subj s join ")
                        .append(f.table().qualifiedName()).append(" t on t.").append(match).append(" = s.id where ")
                        .append(f.where()).append(" group by s.id)");
            } else {
                // aggregated per group over its members, then per subject over its groups (almost always one)
                int k = groups.get(f.via());
                sql.append(",\ng").append(i).append(" as (select m.grp, ").append(f.aggregate()).append(" as v from gm")
                        .append(k).append(" m join ").append(f.table().qualifiedName()).append(" t on t.").append(match)
                        .append(" = m.member where ").append(f.where()).append(" group by m.grp)");
                sql.append(",\nf").append(i).append(" as (select sg.id, ").append(combine(f)).append(" as v from sg").append(k)
                        .append(" sg join g").append(i).append(" g on g.grp = sg.grp group by sg.id)");
            }
            values.addAll(f.values());
        }
        boolean scoped = scope != null && primaryResource != null;
        if (scoped) {
            StandardTableLayout t = layouts.get(primaryResource);
            List<InputProblem> problems = new ArrayList<>();
            String where = conditions("t", t, scope, "scope", values, problems);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("the grant's row scope does not fit " + primaryResource + ": " + problems);
            }
            sql.append(",\nscope as (select distinct s.id from subj s join ").append(t.qualifiedName()).append(" t on t.")
                    .append(t.column(subject.field()).orElseThrow().quotedName()).append(" = s.id where ").append(where)
                    .append(")");
        }
        sql.append("\nselect s.ord, s.given, s.id, s.problem");
        for (int i = 0; i < facts.size(); i++) {
            sql.append(", f").append(i).append(".v");
        }
        if (scoped) {
            sql.append(", sc.id is not null");
        }
        sql.append("\nfrom src s");
        for (int i = 0; i < facts.size(); i++) {
            sql.append(" left join f").append(i).append(" on f").append(i).append(".id = s.id");
        }
        if (scoped) {
            sql.append(" left join scope sc on sc.id = s.id");
        }
        sql.append("\norder by s.ord");
        return new Statement(sql.toString(), values, facts.size(), scoped);
    }

    /** How the per-group values of a via fact combine for a subject in several groups. */
    private static String combine(ResolvedFact f) {
        String function = f.fact().function().strip().toUpperCase(Locale.ROOT);
        return switch (function) {
            case "EXISTS" -> "bool_or(g.v)";
            case "COUNT" -> "sum(g.v)::bigint";
            case "SUM" -> f.type() == FactType.INT ? "sum(g.v)::bigint" : "sum(g.v)";
            case "MAX" -> f.type() == FactType.BOOL ? "bool_or(g.v)" : "max(g.v)";
            default -> f.type() == FactType.BOOL ? "bool_and(g.v)" : "min(g.v)";
        };
    }

    /**
     * One statement and its bound values (text, or text arrays for {@code IN}); the source's own parameters, if any,
     * come first.
     */
    record Statement(String sql, List<Object> values, int facts, boolean scoped) {
    }
}
