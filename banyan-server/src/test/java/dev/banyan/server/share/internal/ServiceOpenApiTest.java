package dev.banyan.server.share.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.banyan.server.catalog.DataDomain;
import dev.banyan.server.catalog.DataElement;
import dev.banyan.server.catalog.DataGrade;
import dev.banyan.server.catalog.OpenType;
import dev.banyan.server.catalog.PersonalInformation;
import dev.banyan.server.catalog.Resource;
import dev.banyan.server.catalog.ResourceField;
import dev.banyan.server.catalog.ResourceStatus;
import dev.banyan.server.catalog.ShareType;
import dev.banyan.server.catalog.UpdateCycle;
import dev.banyan.server.ingest.StandardTableLayout;
import dev.banyan.server.share.Aggregation;
import dev.banyan.server.share.ConditionOperator;
import dev.banyan.server.share.DataService;
import dev.banyan.server.share.ParameterType;
import dev.banyan.server.share.ServiceDefinition;
import dev.banyan.server.share.ServiceKind;
import dev.banyan.server.share.ServiceParameter;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI description generated from a service definition: it reads as OpenAPI 3.1 (swagger-core's 3.1 model
 * takes it without loss), its parameters are typed as the gateway checks them, the answer's fields are typed from the
 * STANDARD table with personal ones flagged, every refusal is a problem (429 with Retry-After), and the token URL is
 * the server's.
 */
class ServiceOpenApiTest {

    private static final String BASE = "https://data.fuzhou.example";

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    {
        messages.setBasenames("messages", "i18n/share", "i18n/catalog");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    private static final Resource RESIDENTS = new Resource(1, "101001-113501000350010382-001", "户籍人口基本信息", "Registered residents",
            7, "户籍人口", DataDomain.PUBLIC_SAFETY, "数据库", UpdateCycle.DAILY, "人口系统", LocalDate.of(2024, 1, 1),
            ShareType.CONDITIONAL, "公务使用", null, OpenType.NOT_OPEN, DataGrade.GENERAL, ResourceStatus.PUBLISHED, 1, null,
            List.of(new ResourceField("公民身份号码", "string", "18 位公民身份号码", true, null, PersonalInformation.SENSITIVE_IDENTITY, null, true),
                    new ResourceField("姓名", "string", "姓名", false, null, PersonalInformation.PERSONAL, null, false),
                    new ResourceField("出生日期", "date", "出生日期", false, null, PersonalInformation.PERSONAL, null, false),
                    new ResourceField("户内人数", "integer", null, false, "DE0001", PersonalInformation.NONE, null, false),
                    new ResourceField("登记日期", "date", "户籍登记日期", false, null, PersonalInformation.NONE, null, false),
                    new ResourceField("户籍地址", "string", "户籍地址", false, null, PersonalInformation.PERSONAL, null, false)),
            Instant.EPOCH, Instant.EPOCH);

    private static final DataElement HOUSEHOLD_SIZE = new DataElement("DE0001", "户内人口数", "Household size", "integer", null,
            "GA/T 2000", null, null);

    private static final StandardTableLayout LAYOUT = new StandardTableLayout(RESIDENTS.code(), "std.\"x\"", columns());

    private static Map<String, StandardTableLayout.Column> columns() {
        Map<String, StandardTableLayout.Column> c = new LinkedHashMap<>();
        c.put("公民身份号码", new StandardTableLayout.Column("\"a\"", "text"));
        c.put("姓名", new StandardTableLayout.Column("\"b\"", "text"));
        c.put("出生日期", new StandardTableLayout.Column("\"c\"", "date"));
        c.put("户内人数", new StandardTableLayout.Column("\"d\"", "bigint"));
        c.put("登记日期", new StandardTableLayout.Column("\"e\"", "date"));
        c.put("户籍地址", new StandardTableLayout.Column("\"f\"", "text"));
        c.put("户籍地址__street", new StandardTableLayout.Column("\"g\"", "text"));
        return c;
    }

    private static DataService service(ServiceDefinition d) {
        return new DataService(1, d.code(), 3, d.kind(), d.nameZh(), d.nameEn(), d.resource(), 7, ShareType.CONDITIONAL, d,
                DataService.Status.PUBLISHED, "admin", Instant.EPOCH);
    }

    private static final DataService LOOKUP = service(new ServiceDefinition("person-basic", "人口基本信息查询", "Resident lookup",
            "按公民身份号码查询", ServiceKind.LOOKUP, RESIDENTS.code(),
            List.of(new ServiceParameter("idNumber", "公民身份号码", ParameterType.CITIZEN_ID, ConditionOperator.EQ, true, "公民身份号码"),
                    new ServiceParameter("registeredSince", "登记日期", ParameterType.DATE, ConditionOperator.GE, false, null),
                    new ServiceParameter("household", "户内人数", ParameterType.INTEGER, ConditionOperator.EQ, false, "户内人数")),
            List.of("公民身份号码", "姓名", "出生日期", "户内人数", "登记日期", "户籍地址__street"), List.of(), null, null, null, null, null));

    private ObjectNode describe(DataService service, Locale locale) {
        return new ServiceOpenApi(messages, locale, code -> "DE0001".equals(code) ? Optional.of(HOUSEHOLD_SIZE) : Optional.empty()).describe(service, RESIDENTS, LAYOUT, "福州市公安局", BASE);
    }

    private static OpenAPI parse(ObjectNode tree) throws Exception {
        return Json31.mapper().readValue(tree.toString(), OpenAPI.class);
    }

    @Test
    void aLookupReadsAsOpenApi31WithTypedParametersProblemsAndTheTokenUrl() throws Exception {
        ObjectNode tree = describe(LOOKUP, Locale.ENGLISH);
        OpenAPI api = parse(tree);

        assertThat(api.getOpenapi()).isEqualTo("3.1.0");
        assertThat(api.getInfo().getTitle()).isEqualTo("Resident lookup (person-basic)");
        assertThat(api.getInfo().getVersion()).isEqualTo("3");
        assertThat(api.getServers()).singleElement().satisfies(s -> assertThat(s.getUrl()).isEqualTo(BASE));
        Operation get = api.getPaths().get("/api/v1/services/person-basic").getGet();
        assertThat(get.getOperationId()).isEqualTo("personBasic");
        Map<String, Parameter> params = new LinkedHashMap<>();
        get.getParameters().forEach(p -> params.put(p.getName(), p));
        assertThat(params.keySet()).containsExactly("idNumber", "registeredSince", "household", "fields", "purpose");
        assertThat(params.values()).allSatisfy(p -> assertThat(p.getIn()).isEqualTo("query"));
        Parameter id = params.get("idNumber");
        assertThat(id.getRequired()).isTrue();
        assertThat(id.getSchema().getPattern()).isEqualTo("^\\d{17}[\\dX]$");
        assertThat(Pattern.compile(id.getSchema().getPattern()).matcher("11010519491231002X").matches()).isTrue();
        assertThat(Pattern.compile(id.getSchema().getPattern()).matcher("1101051949123100").matches()).isFalse();
        assertThat(params.get("registeredSince").getSchema().getFormat()).isEqualTo("date");
        assertThat(params.get("registeredSince").getRequired()).isFalse();
        assertThat(params.get("registeredSince").getDescription()).contains("at least");
        assertThat(tree.at("/paths/~1api~1v1~1services~1person-basic/get/parameters/2/schema/type").asString()).isEqualTo("integer");
        assertThat(params.get("fields").getDescription()).contains("公民身份号码,姓名");

        assertThat(get.getResponses().keySet()).contains("200", "400", "401", "403", "404", "429", "503", "504");
        assertThat(get.getResponses().get("429").getHeaders()).containsKey("Retry-After");
        assertThat(get.getResponses().get("403").getContent()).containsKey("application/problem+json");
        assertThat(get.getResponses().get("200").getContent().get("application/json").getSchema().get$ref())
                .isEqualTo("#/components/schemas/Answer");
        Schema<?> problem = api.getComponents().getSchemas().get("Problem");
        assertThat(problem.getRequired()).contains("status", "outcome");
        assertThat(tree.at("/components/schemas/Problem/properties/outcome/enum").toString())
                .contains("NO_GRANT", "FIELD_NOT_GRANTED", "QUOTA_EXCEEDED", "RATE_LIMITED", "BAD_PARAMETER");

        SecurityScheme oauth2 = api.getComponents().getSecuritySchemes().get("oauth2");
        assertThat(oauth2.getType()).isEqualTo(SecurityScheme.Type.OAUTH2);
        assertThat(oauth2.getFlows().getClientCredentials().getTokenUrl()).isEqualTo(BASE + "/oauth2/token");
        assertThat(get.getSecurity()).singleElement().satisfies(r -> assertThat(r).containsKey("oauth2"));
    }

    @Test
    void theAnswerIsTypedFromTheStandardTableAndPersonalFieldsAreFlagged() throws Exception {
        ObjectNode tree = describe(LOOKUP, Locale.ENGLISH);
        JsonNode record = tree.at("/components/schemas/Record/properties");

        assertThat(tree.at("/components/schemas/Answer/properties/record/$ref").asString()).isEqualTo("#/components/schemas/Record");
        assertThat(record.get("户内人数").get("type").toString()).isEqualTo("[\"integer\",\"null\"]");
        assertThat(record.get("登记日期").get("format").asString()).isEqualTo("date");
        // a personal date comes masked when not granted: text, not a date
        assertThat(record.get("出生日期").has("format")).isFalse();
        assertThat(record.get("出生日期").get("x-banyan-personal-information").asString()).isEqualTo("PERSONAL");
        assertThat(record.get("公民身份号码").get("x-banyan-personal-information").asString()).isEqualTo("SENSITIVE_IDENTITY");
        assertThat(record.get("公民身份号码").get("description").asString()).contains("18 位公民身份号码").contains("masked");
        assertThat(record.get("户籍地址__street").get("description").asString()).contains("Street").contains("户籍地址");
        assertThat(record.get("户内人数").has("x-banyan-personal-information")).isFalse();
        // a field without a description is explained by its data element
        assertThat(record.get("户内人数").get("description").asString()).isEqualTo("户内人数: Household size (DE0001, GA/T 2000)");
        // no field is required: one not granted and not personal is left out
        assertThat(tree.at("/components/schemas/Record").has("required")).isFalse();
        assertThat(parse(tree).getComponents().getSchemas().get("Record").getProperties()).hasSize(6);
    }

    @Test
    void aListPagesAndAStatisticsServiceAnswersGroups() throws Exception {
        DataService list = service(new ServiceDefinition("household-members", "户成员信息查询", null, null, ServiceKind.LIST,
                RESIDENTS.code(), List.of(new ServiceParameter("n", "户内人数", ParameterType.INTEGER, null, true, null)),
                List.of("姓名"), List.of(), null, 50, null, null, null));
        ObjectNode tree = describe(list, Locale.SIMPLIFIED_CHINESE);
        OpenAPI api = parse(tree);
        Map<String, Parameter> params = new LinkedHashMap<>();
        api.getPaths().get("/api/v1/services/household-members").getGet().getParameters().forEach(p -> params.put(p.getName(), p));
        assertThat(params).containsKeys("page", "size", "fields", "purpose");
        assertThat(params.get("size").getSchema().getMaximum()).isEqualByComparingTo("50");
        assertThat(api.getComponents().getSchemas().get("Answer").getRequired()).containsExactlyInAnyOrder("records", "page", "size", "hasMore");
        assertThat(api.getInfo().getTitle()).isEqualTo("户成员信息查询 (household-members)");

        DataService statistics = service(new ServiceDefinition("population-by-street", "分街道户籍人口统计", "Population by street",
                null, ServiceKind.AGGREGATE, RESIDENTS.code(), List.of(), List.of(), List.of(),
                new Aggregation(List.of("户籍地址__street"), List.of(new Aggregation.Measure("COUNT", null, "residents"),
                        new Aggregation.Measure("AVG", "户内人数", null))), null, null, null, null));
        tree = describe(statistics, Locale.ENGLISH);
        api = parse(tree);
        assertThat(api.getPaths().get("/api/v1/services/population-by-street").getGet().getParameters())
                .extracting(Parameter::getName).containsExactly("purpose");
        JsonNode group = tree.at("/components/schemas/Group");
        assertThat(group.at("/properties/residents/type").asString()).isEqualTo("integer");
        assertThat(group.at("/properties/avg_户内人数/type").toString()).contains("number");
        assertThat(group.at("/required").toString()).contains("户籍地址__street", "residents", "avg_户内人数");
        assertThat(tree.at("/components/schemas/Record").isMissingNode()).isTrue();
    }

    @Test
    void everyTextIsInTheReadersLanguage() {
        String zh = describe(LOOKUP, Locale.SIMPLIFIED_CHINESE).toString();
        String en = describe(LOOKUP, Locale.ENGLISH).toString();

        assertThat(zh).contains("福州市公安局").contains("有条件共享").contains("未授权明文时脱敏返回").contains("当日配额已用完")
                .doesNotContain("share.console.").doesNotContain("catalog.pi.");
        assertThat(en).contains("Conditional").contains("masked unless granted").contains("daily quota used up")
                .doesNotContain("share.console.").doesNotContain("catalog.pi.");
    }
}
