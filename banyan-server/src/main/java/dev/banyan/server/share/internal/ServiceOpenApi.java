package dev.banyan.server.share.internal;

import dev.banyan.server.catalog.DataElement;
import dev.banyan.server.catalog.Resource;
import dev.banyan.server.ingest.StandardTableLayout;
import dev.banyan.server.share.Aggregation;
import dev.banyan.server.share.ConditionOperator;
import dev.banyan.server.share.DataService;
import dev.banyan.server.share.ParameterType;
import dev.banyan.server.share.ServiceDefinition;
import dev.banyan.server.share.ServiceKind;
import dev.banyan.server.share.ServiceParameter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI 3.1 description of one data service (服务接口描述), generated from its published definition: the
 * gateway's GET operation with the service's typed parameters and the reserved ones, the answer's schema with each
 * output field typed from the STANDARD table and explained from the catalog (personal fields flagged as masked unless
 * granted), every refusal as an RFC 9457 problem, and the OAuth2 client-credentials scheme. Texts are in the
 * reader's language, so that a department's developer can generate a client from it or read it.
 */
final class ServiceOpenApi {

    /** An 18-digit citizen identity number (GB 11643); the gateway also converts a 15-digit one. */
    static final String CITIZEN_ID_PATTERN = "^\\d{17}[\\dX]$";
    /** A unified social credit code (GB 32100): the letters I, O, S, V and Z are never used. */
    static final String CREDIT_CODE_PATTERN = "^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$";
    private static final Set<String> INTEGERS = Set.of("bigint", "integer", "smallint");
    private static final Set<String> NUMBERS = Set.of("numeric", "double precision", "real");
    private static final List<String> PROBLEM_OUTCOMES = List.of("BAD_PARAMETER", "NO_TOKEN", "EXPIRED_TOKEN",
            "INVALID_TOKEN", "REVOKED_TOKEN", "NO_GRANT", "FIELD_NOT_GRANTED", "UNKNOWN_SERVICE", "NOT_FOUND",
            "NOT_FOUND_IN_SCOPE", "RATE_LIMITED", "QUOTA_EXCEEDED", "FAILED", "NOT_LOGGED", "UNAVAILABLE", "TIMEOUT");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final MessageSource messages;
    private final Locale locale;
    private final Function<String, Optional<DataElement>> elements;

    /** @param elements the catalog's data elements by code, which explain fields that have no description */
    ServiceOpenApi(MessageSource messages, Locale locale, Function<String, Optional<DataElement>> elements) {
        this.messages = messages;
        this.locale = locale;
        this.elements = elements;
    }

    /**
     * @param resource the catalog resource served, or null (a proxy)
     * @param layout   its STANDARD table's layout, or null when not known: the fields are then typed as text
     * @param owner    the owning department's name, for the reader
     * @param baseUrl  where Banyan is reached, e.g. {@code https://data.example.gov.cn}, without a trailing slash
     */
    ObjectNode describe(DataService service, Resource resource, StandardTableLayout layout, String owner, String baseUrl) {
        ServiceDefinition d = service.definition();
        ObjectNode api = NODES.objectNode();
        api.put("openapi", "3.1.0");
        ObjectNode info = api.putObject("info");
        info.put("title", d.name(locale) + " (" + service.code() + ")");
        info.put("version", Integer.toString(service.version()));
        info.put("description", (d.description() == null ? "" : d.description() + "\n\n")
                + text("share.console.openapi.about", owner, resource == null ? "—" : resource.name(locale) + " (" + resource.code() + ")",
                text("share.console.shareType." + service.shareType().name())));
        info.put("x-banyan-kind", service.kind().name());
        api.putArray("servers").addObject().put("url", baseUrl);
        ObjectNode get = api.putObject("paths").putObject(GatewayEndpoint.PATH + service.code()).putObject("get");
        get.put("operationId", operationId(service.code()));
        get.put("summary", d.name(locale));
        if (d.description() != null) {
            get.put("description", d.description());
        }
        get.putArray("tags").add(service.kind().name());
        parameters(get.putArray("parameters"), d);
        responses(get.putObject("responses"), d);
        get.putArray("security").addObject().putArray("oauth2");
        ObjectNode components = api.putObject("components");
        schemas(components.putObject("schemas"), d, resource, layout);
        components.putObject("headers").putObject("Retry-After").put("description", text("share.console.openapi.retryAfter"))
                .putObject("schema").put("type", "integer").put("minimum", 1);
        ObjectNode oauth2 = components.putObject("securitySchemes").putObject("oauth2");
        oauth2.put("type", "oauth2");
        oauth2.put("description", text("share.console.openapi.security"));
        oauth2.putObject("flows").putObject("clientCredentials").put("tokenUrl", baseUrl + "/oauth2/token").putObject("scopes");
        api.putArray("security").addObject().putArray("oauth2");
        return api;
    }

    private void parameters(ArrayNode out, ServiceDefinition d) {
        for (ServiceParameter p : d.parameters()) {
            ObjectNode param = query(out, p.name(), p.required(), describe(p));
            parameterSchema(param.putObject("schema"), p.type());
            param.put("x-banyan-field", p.field());
        }
        if (d.kind() == ServiceKind.LOOKUP || d.kind() == ServiceKind.LIST) {
            query(out, "fields", false, text("share.console.openapi.param.fields", String.join(",", d.output())))
                    .putObject("schema").put("type", "string");
        }
        if (d.kind() == ServiceKind.LIST) {
            query(out, "page", false, text("share.console.openapi.param.page"))
                    .putObject("schema").put("type", "integer").put("minimum", 1).put("default", 1);
            query(out, "size", false, text("share.console.openapi.param.size", d.pageLimit(), ServiceDefinition.DEFAULT_PAGE_SIZE))
                    .putObject("schema").put("type", "integer").put("minimum", 1).put("maximum", d.pageLimit())
                    .put("default", Math.min(ServiceDefinition.DEFAULT_PAGE_SIZE, d.pageLimit()));
        }
        query(out, "purpose", false, text("share.console.openapi.param.purpose"))
                .putObject("schema").put("type", "string").put("maxLength", 200);
    }

    private static ObjectNode query(ArrayNode out, String name, boolean required, String description) {
        ObjectNode param = out.addObject();
        param.put("name", name);
        param.put("in", "query");
        param.put("required", required);
        param.put("description", description);
        return param;
    }

    private String describe(ServiceParameter p) {
        String about = p.description() == null || p.description().isBlank() ? p.field() : p.description();
        return p.operator() == ConditionOperator.EQ ? about
                : about + " — " + text("share.console.openapi.param." + p.operator().name(), p.field());
    }

    static void parameterSchema(ObjectNode schema, ParameterType type) {
        switch (type) {
            case CITIZEN_ID -> schema.put("type", "string").put("pattern", CITIZEN_ID_PATTERN);
            case CREDIT_CODE -> schema.put("type", "string").put("pattern", CREDIT_CODE_PATTERN);
            case DATE -> schema.put("type", "string").put("format", "date");
            case INTEGER -> schema.put("type", "integer").put("format", "int64");
            case DECIMAL -> schema.put("type", "number");
            case STRING -> schema.put("type", "string").put("maxLength", ParameterValue.MAX_TEXT);
        }
    }

    private void responses(ObjectNode responses, ServiceDefinition d) {
        ObjectNode ok = responses.putObject("200");
        ok.put("description", text("share.console.openapi.response.200." + d.kind().name()));
        ok.putObject("content").putObject("application/json").putObject("schema").put("$ref", "#/components/schemas/Answer");
        for (int status : new int[] {400, 401, 403, 404, 429, 500, 503, 504}) {
            ObjectNode r = responses.putObject(Integer.toString(status));
            r.put("description", text("share.console.openapi.response." + status));
            if (status == 429 || status == 503) {
                r.putObject("headers").putObject("Retry-After").put("$ref", "#/components/headers/Retry-After");
            }
            r.putObject("content").putObject("application/problem+json").putObject("schema").put("$ref", "#/components/schemas/Problem");
        }
    }

    private void schemas(ObjectNode schemas, ServiceDefinition d, Resource resource, StandardTableLayout layout) {
        ObjectNode answer = schemas.putObject("Answer");
        answer.put("type", "object");
        ObjectNode properties = answer.putObject("properties");
        switch (d.kind()) {
            case LOOKUP -> {
                properties.putObject("record").put("$ref", "#/components/schemas/Record");
                answer.putArray("required").add("record");
                record(schemas.putObject("Record"), ServiceField.of(d.output(), resource, layout, elements));
            }
            case LIST -> {
                properties.putObject("records").put("type", "array").putObject("items").put("$ref", "#/components/schemas/Record");
                properties.putObject("page").put("type", "integer");
                properties.putObject("size").put("type", "integer");
                properties.putObject("hasMore").put("type", "boolean")
                        .put("description", text("share.console.openapi.hasMore"));
                answer.putArray("required").add("records").add("page").add("size").add("hasMore");
                record(schemas.putObject("Record"), ServiceField.of(d.output(), resource, layout, elements));
            }
            case AGGREGATE -> {
                properties.putObject("groups").put("type", "array").putObject("items").put("$ref", "#/components/schemas/Group");
                answer.putArray("required").add("groups");
                group(schemas.putObject("Group"), d.aggregation(), resource, layout);
            }
            default -> answer.put("additionalProperties", true);
        }
        problem(schemas.putObject("Problem"));
    }

    /** A row: its fields may be left out (not granted, not personal); a personal field not granted comes masked, as text. */
    private void record(ObjectNode record, List<ServiceField> fields) {
        record.put("type", "object");
        ObjectNode properties = record.putObject("properties");
        for (ServiceField f : fields) {
            ObjectNode p = properties.putObject(f.name());
            ArrayNode types = p.putArray("type").add(jsonType(f.sqlType()));
            if (f.personal() && !"string".equals(jsonType(f.sqlType()))) {
                types.add("string");
            }
            types.add("null");
            if ("date".equals(f.sqlType()) && !f.personal()) {
                p.put("format", "date");
            }
            p.put("description", meaning(f));
            if (f.personal()) {
                p.put("x-banyan-personal-information", f.personalInformation().name());
            }
        }
    }

    private String meaning(ServiceField f) {
        String about = f.meaning(locale) == null ? f.field() : f.field() + ": " + f.meaning(locale);
        if (f.fact() != null) {
            about = text("share.console.fact", text("share.console.fact." + f.fact()), about);
        }
        if (f.personal()) {
            about += " — " + text("share.console.openapi.personal", text("catalog.pi." + f.personalInformation().name()));
        }
        return about;
    }

    private void group(ObjectNode group, Aggregation a, Resource resource, StandardTableLayout layout) {
        group.put("type", "object");
        ObjectNode properties = group.putObject("properties");
        ArrayNode required = group.putArray("required");
        for (ServiceField f : ServiceField.of(a == null ? List.of() : a.groupBy(), resource, layout, elements)) {
            ObjectNode p = properties.putObject(f.name());
            p.putArray("type").add(jsonType(f.sqlType())).add("null");
            p.put("description", meaning(f));
            required.add(f.name());
        }
        for (Aggregation.Measure m : a == null ? List.<Aggregation.Measure>of() : a.measures()) {
            String name = TableQuery.measureName(m);
            String fn = m.function() == null ? "" : m.function().toUpperCase(Locale.ROOT);
            ObjectNode p = properties.putObject(name);
            switch (fn) {
                case "COUNT" -> p.put("type", "integer");
                case "SUM", "AVG" -> p.putArray("type").add("number").add("null");
                default -> p.putArray("type").add(jsonType(ServiceField.of(m.field(), resource, layout).sqlType())).add("null");
            }
            p.put("description", m.field() == null ? fn : fn + "(" + m.field() + ")");
            required.add(name);
        }
    }

    private void problem(ObjectNode problem) {
        problem.put("type", "object");
        problem.put("description", text("share.console.openapi.problem"));
        ObjectNode p = problem.putObject("properties");
        p.putObject("type").put("type", "string").put("format", "uri");
        p.putObject("title").put("type", "string");
        p.putObject("status").put("type", "integer");
        p.putObject("detail").put("type", "string");
        p.putObject("instance").put("type", "string");
        ArrayNode outcomes = p.putObject("outcome").put("type", "string").putArray("enum");
        PROBLEM_OUTCOMES.forEach(outcomes::add);
        problem.putArray("required").add("type").add("title").add("status").add("outcome");
    }

    /** The JSON type of a STANDARD column; text when unknown. */
    static String jsonType(String sqlType) {
        if (sqlType == null) {
            return "string";
        }
        if (INTEGERS.contains(sqlType)) {
            return "integer";
        }
        if (NUMBERS.contains(sqlType) || sqlType.startsWith("numeric")) {
            return "number";
        }
        return "boolean".equals(sqlType) ? "boolean" : "string";
    }

    /** {@code person-basic} → {@code personBasic}. */
    static String operationId(String code) {
        StringBuilder id = new StringBuilder();
        boolean upper = false;
        for (char c : code.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                id.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return id.toString();
    }

    private String text(String code, Object... arguments) {
        return messages.getMessage(code, arguments, code, locale);
    }
}
