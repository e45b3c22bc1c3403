package dev.banyan.server.share.internal;

import dev.banyan.server.catalog.Catalog;
import dev.banyan.server.ingest.StandardZone;
import dev.banyan.server.platform.InputProblem;
import dev.banyan.server.platform.InvalidInputException;
import dev.banyan.server.share.DataService;
import dev.banyan.server.share.RowCondition;
import dev.banyan.server.share.ServiceDefinition;
import dev.banyan.server.share.ServiceKind;
import dev.banyan.standards.Masking;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Serves verification services (核验服务): checks a definition's facts and CEL rule against the catalog and the
 * STANDARD tables when it is published, indexes the looked-up columns, and answers one subject per call — yes or
 * no with a reason code and the rule's version, never a fact. The batch path ({@link VerificationBatches}) uses the
 * same plans.
 */
@Component
class VerificationHandler implements ServiceHandler {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Catalog catalog;
    private final StandardZone zone;
    private final DataSource dataSource;
    private final Clock clock;
    private final Map<Long, VerificationPlan> plans = new ConcurrentHashMap<>();

    VerificationHandler(Catalog catalog, StandardZone zone, DataSource dataSource, Clock clock) {
        this.catalog = catalog;
        this.zone = zone;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public ServiceKind kind() {
        return ServiceKind.VERIFICATION;
    }

    @Override
    public void check(ServiceDefinition definition, List<InputProblem> problems) {
        VerificationPlan.build(definition, catalog::findByCode, zone::layout, problems);
    }

    @Override
    public void prepare(ServiceDefinition definition) {
        plan(definition).indexes().forEach((resource, indexes) -> indexes.forEach(fields -> zone.ensureIndex(resource, fields)));
    }

    /** The plan of a published service version, compiled once. */
    VerificationPlan plan(DataService service) {
        return plans.computeIfAbsent(service.id(), id -> plan(service.definition()));
    }

    private VerificationPlan plan(ServiceDefinition definition) {
        List<InputProblem> problems = new ArrayList<>();
        return VerificationPlan.build(definition, catalog::findByCode, zone::layout, problems)
                .orElseThrow(() -> new InvalidInputException(problems));
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    @Override
    public ServiceResponse handle(GatewayCall call) throws Exception {
        VerificationPlan plan = plan(call.service());
        String raw = call.parameter(plan.subject().name());
        if (raw == null || raw.isBlank()) {
            throw new GatewayRefusal(400, "BAD_PARAMETER", "share.refusal.missingParameter", plan.subject().name());
        }
        String subject = (String) ParameterValue.of(plan.subject(), raw);
        List<RowCondition> scope = call.grant() == null || call.grant().rowScope().isEmpty() ? null : call.grant().rowScope();
        VerificationPlan.Statement statement = plan.statement(VerificationPlan.SINGLE_SOURCE, scope);
        Object[] facts = new Object[statement.facts()];
        boolean inScope = true;
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(statement.sql())) {
            bind(c, s, 1, List.of(subject));
            bind(c, s, 2, statement.values());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                for (int i = 0; i < facts.length; i++) {
                    facts[i] = plan.rule().type(i).fromJdbc(rs.getObject(5 + i));
                }
                if (statement.scoped()) {
                    inScope = rs.getBoolean(5 + facts.length);
                }
            }
        }
        if (!inScope) {
            throw new GatewayRefusal(404, "NOT_FOUND_IN_SCOPE", "share.refusal.notFound");
        }
        VerificationResult result = plan.rule().evaluate(subject, facts, today());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", Masking.mask(subject, Masking.Kind.IDENTIFIER));
        body.put("result", result.yes());
        if (result.reason() != null) {
            body.put("reason", result.reason());
        }
        body.put("ruleVersion", call.service().version());
        return ServiceResponse.ok(body, 1, List.of());
    }

    /** Binds text values and text arrays from the given position on; returns the next position. */
    static int bind(Connection c, PreparedStatement s, int from, List<Object> values) throws SQLException {
        int i = from;
        for (Object v : values) {
            if (v instanceof String[] array) {
                s.setArray(i++, c.createArrayOf("text", array));
            } else {
                s.setString(i++, (String) v);
            }
        }
        return i;
    }
}
