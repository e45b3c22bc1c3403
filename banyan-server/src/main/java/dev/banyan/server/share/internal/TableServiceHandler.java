package dev.banyan.server.share.internal;

import dev.banyan.server.catalog.Catalog;
import dev.banyan.server.catalog.Resource;
import dev.banyan.server.ingest.StandardTableLayout;
import dev.banyan.server.ingest.StandardZone;
import dev.banyan.server.platform.InputProblem;
import dev.banyan.server.share.Aggregation;
import dev.banyan.server.share.ConditionOperator;
import dev.banyan.server.share.DataService;
import dev.banyan.server.share.RowCondition;
import dev.banyan.server.share.ServiceDefinition;
import dev.banyan.server.share.ServiceKind;
import dev.banyan.server.share.ServiceParameter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Serves the data services over a STANDARD table — {@link ServiceKind#LOOKUP}, {@link ServiceKind#LIST} and
 * {@link ServiceKind#AGGREGATE} — with prepared statements compiled once per service version, grant and set of given
 * parameters ({@link TableQuery}); one bean per kind.
 */
class TableServiceHandler implements ServiceHandler {

    static final Set<String> MEASURES = Set.of("COUNT", "SUM", "AVG", "MIN", "MAX");
    private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");
    private static final Set<String> NUMERIC = Set.of("bigint", "integer", "numeric", "double precision", "real", "smallint");
    private static final Duration LAYOUT_TTL = Duration.ofSeconds(60);

    private final ServiceKind kind;
    private final DataSource dataSource;
    private final StandardZone zone;
    private final Catalog catalog;
    private final int queryTimeoutSeconds;
    private final Map<String, Layout> layouts = new ConcurrentHashMap<>();
    private final Map<String, TableQuery> queries = new ConcurrentHashMap<>();

    private record Layout(StandardTableLayout layout, Instant loadedAt) {
    }

    TableServiceHandler(ServiceKind kind, DataSource dataSource, StandardZone zone, Catalog catalog, int queryTimeoutSeconds) {
        this.kind = kind;
        this.dataSource = dataSource;
        this.zone = zone;
        this.catalog = catalog;
        this.queryTimeoutSeconds = queryTimeoutSeconds;
    }

    @Override
    public ServiceKind kind() {
        return kind;
    }

    @Override
    public void check(ServiceDefinition d, List<InputProblem> problems) {
        StandardTableLayout layout = zone.layout(d.resource()).orElse(null);
        if (layout == null) {
            problems.add(InputProblem.of("resource", "share.error.service.notGoverned", d.resource()));
            return;
        }
        Resource resource = catalog.getByCode(d.resource());
        Set<String> names = new HashSet<>();
        boolean required = false;
        for (int i = 0; i < d.parameters().size(); i++) {
            ServiceParameter p = d.parameters().get(i);
            String at = "parameters[" + i + "]";
            if (p.name() == null || !PARAMETER_NAME.matcher(p.name()).matches() || GatewayParameters.RESERVED.contains(p.name())) {
                problems.add(InputProblem.of(at + ".name", "share.error.parameter.name", p.name(), GatewayParameters.RESERVED));
            } else if (!names.add(p.name())) {
                problems.add(InputProblem.of(at + ".name", "share.error.parameter.duplicate", p.name()));
            }
            if (p.field() == null || layout.column(p.field()).isEmpty()) {
                problems.add(InputProblem.of(at + ".field", "share.error.field.unknown", p.field(), d.resource()));
            }
            if (p.operator() == ConditionOperator.IN || p.operator() == ConditionOperator.PREFIX) {
                problems.add(InputProblem.of(at + ".operator", "share.error.parameter.operator", p.operator()));
            }
            required |= p.required();
        }
        if (kind == ServiceKind.LOOKUP && !required) {
            problems.add(InputProblem.of("parameters", "share.error.lookup.key"));
        }
        if (kind != ServiceKind.AGGREGATE) {
            if (d.output().isEmpty()) {
                problems.add(InputProblem.of("output", "share.error.output.empty"));
            }
            for (int i = 0; i < d.output().size(); i++) {
                if (layout.column(d.output().get(i)).isEmpty()) {
                    problems.add(InputProblem.of("output[" + i + "]", "share.error.field.unknown", d.output().get(i), d.resource()));
                }
            }
        } else {
            checkAggregation(d, layout, resource, problems);
        }
        for (int i = 0; i < d.conditions().size(); i++) {
            checkCondition("conditions[" + i + "]", d.conditions().get(i), layout, problems);
        }
    }

    private static void checkAggregation(ServiceDefinition d, StandardTableLayout layout, Resource resource, List<InputProblem> problems) {
        Aggregation a = d.aggregation();
        if (a == null || a.measures().isEmpty()) {
            problems.add(InputProblem.of("aggregation.measures", "share.error.aggregation.measures"));
            return;
        }
        for (int i = 0; i < a.groupBy().size(); i++) {
            String g = a.groupBy().get(i);
            if (layout.column(g).isEmpty()) {
                problems.add(InputProblem.of("aggregation.groupBy[" + i + "]", "share.error.field.unknown", g, d.resource()));
            } else if (personalField(resource, g)) {
                // Grouping by a person's own field would return one person per group.
                problems.add(InputProblem.of("aggregation.groupBy[" + i + "]", "share.error.aggregation.personal", g));
            }
        }
        for (int i = 0; i < a.measures().size(); i++) {
            Aggregation.Measure m = a.measures().get(i);
            String fn = m.function() == null ? "" : m.function().toUpperCase(java.util.Locale.ROOT);
            if (!MEASURES.contains(fn)) {
                problems.add(InputProblem.of("aggregation.measures[" + i + "].function", "share.error.aggregation.function", m.function(), MEASURES));
            } else if (!fn.equals("COUNT")) {
                var col = m.field() == null ? null : layout.column(m.field()).orElse(null);
                if (col == null) {
                    problems.add(InputProblem.of("aggregation.measures[" + i + "].field", "share.error.field.unknown", m.field(), d.resource()));
                } else if ((fn.equals("SUM") || fn.equals("AVG")) && !NUMERIC.contains(col.sqlType())) {
                    problems.add(InputProblem.of("aggregation.measures[" + i + "].field", "share.error.aggregation.numeric", m.field(), col.sqlType()));
                }
            }
        }
    }

    /** A person's own field (not a derived fact such as the street of an address). */
    private static boolean personalField(Resource resource, String name) {
        return resource.fields().stream().anyMatch(f -> f.name().equals(name) && f.personalInformation().isPersonal());
    }

    static void checkCondition(String at, RowCondition c, StandardTableLayout layout, List<InputProblem> problems) {
        if (c.field() == null || layout.column(c.field()).isEmpty()) {
            problems.add(InputProblem.of(at + ".field", "share.error.field.unknown", c.field(), layout.resourceCode()));
        }
        if (c.values().isEmpty() || c.values().stream().anyMatch(v -> v == null || v.length() > ParameterValue.MAX_TEXT)) {
            problems.add(InputProblem.of(at + ".values", "share.error.condition.values"));
        }
        if ((c.operator() == ConditionOperator.GE || c.operator() == ConditionOperator.LE || c.operator() == ConditionOperator.EQ)
                && c.values().size() != 1) {
            problems.add(InputProblem.of(at + ".values", "share.error.condition.single", c.operator()));
        }
    }

    @Override
    public void prepare(ServiceDefinition d) {
        // The first required parameter is the service's key: make looking it up a point query.
        d.parameters().stream().filter(ServiceParameter::required).findFirst()
                .ifPresent(p -> zone.ensureIndex(d.resource(), List.of(p.field())));
        layouts.remove(d.resource());
    }

    @Override
    public ServiceResponse handle(GatewayCall call) throws SQLException {
        DataService service = call.service();
        ServiceDefinition d = service.definition();
        boolean[] given = new boolean[d.parameters().size()];
        Object[] values = new Object[d.parameters().size()];
        StringBuilder mask = new StringBuilder();
        for (int i = 0; i < given.length; i++) {
            ServiceParameter p = d.parameters().get(i);
            String raw = call.parameter(p.name());
            if (raw == null || raw.isBlank()) {
                if (p.required()) {
                    throw new GatewayRefusal(400, "BAD_PARAMETER", "share.refusal.missingParameter", p.name());
                }
            } else {
                given[i] = true;
                values[i] = ParameterValue.of(p, raw);
            }
            mask.append(given[i] ? '1' : '0');
        }
        List<RowCondition> scope = call.grant().rowScope();
        String key = service.id() + "/" + call.grant().id() + "/" + mask;
        TableQuery query = queries.computeIfAbsent(key, k -> TableQuery.compile(d, layout(d.resource()), scope, given));
        int page = d.kind() == ServiceKind.LIST ? GatewayParameters.intParameter(call.parameters(), "page", 1, 1, 1_000_000) : 1;
        int size = d.kind() == ServiceKind.LIST
                ? GatewayParameters.intParameter(call.parameters(), "size", ServiceDefinition.DEFAULT_PAGE_SIZE, 1, d.pageLimit()) : 1;
        RecordProjection projection = new RecordProjection(call.resource(), call.fields(), call.clearFields());
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(query.sql())) {
            s.setQueryTimeout(queryTimeoutSeconds);
            int i = bindConditions(c, s, query);
            for (ServiceParameter p : query.parameters()) {
                s.setString(i++, String.valueOf(values[d.parameters().indexOf(p)]));
            }
            if (d.kind() == ServiceKind.LIST) {
                s.setInt(i++, size + 1);
                s.setLong(i, (long) (page - 1) * size);
            }
            try (ResultSet rs = s.executeQuery()) {
                int n = query.columns().size();
                while (rs.next()) {
                    Map<String, Object> raw = new LinkedHashMap<>();
                    for (int col = 0; col < n; col++) {
                        Object v = rs.getObject(col + 1);
                        raw.put(query.columns().get(col), v instanceof java.sql.Date date ? date.toLocalDate().toString() : v);
                    }
                    rows.add(d.kind() == ServiceKind.AGGREGATE ? raw : projection.project(raw::get));
                }
            }
        }
        return switch (d.kind()) {
            case LOOKUP -> {
                if (rows.isEmpty()) {
                    throw new GatewayRefusal(404, scope.isEmpty() ? "NOT_FOUND" : "NOT_FOUND_IN_SCOPE", "share.refusal.notFound");
                }
                yield ServiceResponse.ok(Map.of("record", rows.getFirst()), 1, projection.visibleFields());
            }
            case LIST -> {
                boolean more = rows.size() > size;
                List<Map<String, Object>> pageRows = more ? rows.subList(0, size) : rows;
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("records", pageRows);
                body.put("page", page);
                body.put("size", size);
                body.put("hasMore", more);
                yield ServiceResponse.ok(body, pageRows.size(), projection.visibleFields());
            }
            default -> ServiceResponse.ok(Map.of("groups", rows), rows.size(), query.columns());
        };
    }

    private static int bindConditions(Connection c, PreparedStatement s, TableQuery query) throws SQLException {
        int i = 1;
        for (Object b : query.binds()) {
            if (b instanceof String[] array) {
                s.setArray(i++, c.createArrayOf("text", array));
            } else {
                s.setString(i++, (String) b);
            }
        }
        return i;
    }

    private StandardTableLayout layout(String resourceCode) {
        Instant now = Instant.now();
        Layout l = layouts.get(resourceCode);
        if (l == null || l.loadedAt().plus(LAYOUT_TTL).isBefore(now)) {
            l = new Layout(zone.layout(resourceCode).orElseThrow(() -> new GatewayRefusal(503, "UNAVAILABLE",
                    "share.refusal.unavailable")), now);
            layouts.put(resourceCode, l);
        }
        return l.layout();
    }

    /** Forgets compiled queries of a grant (revoked or changed). */
    void forgetGrant(long grantId) {
        queries.keySet().removeIf(k -> k.split("/")[1].equals(Long.toString(grantId)));
    }
}
