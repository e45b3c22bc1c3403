package dev.banyan.server.catalog.internal;

import dev.banyan.server.catalog.DataDomain;
import dev.banyan.server.catalog.DataGrade;
import dev.banyan.server.catalog.OpenType;
import dev.banyan.server.catalog.ShareType;
import dev.banyan.server.catalog.UpdateCycle;
import java.util.Map;
import java.util.Set;

/**
 * What only a department knows about the synthetic city's datasets and the catalog needs — classification, domain,
 * share and open types, grade, update cycle, source system — by dataset name. Titles, columns and formats come from
 * the city generator's own description of each dataset.
 */
final class DemoDatasets {

    /** How one dataset is catalogued. */
    record Meta(String classification, DataDomain domain, UpdateCycle cycle, ShareType share, String shareConditions,
                String legalBasis, OpenType open, DataGrade grade, String sourceSystem, boolean minors) {
    }

    /** Which data elements each department is the authoritative source of (一数一源). */
    static final Map<String, Set<String>> AUTHORITIES = Map.of(
            "public-security", Set.of("DE0001", "DE0002", "DE0003", "DE0004", "DE0005", "DE0007"),
            "market-regulation", Set.of("DE0010", "DE0011", "DE0012", "DE0013", "DE0014", "DE0015"),
            "real-estate", Set.of("DE0017", "DE0018", "DE0019"),
            "education", Set.of("DE0024"),
            "tax", Set.of("DE0025"),
            "health", Set.of("DE0009"));

    private static final String PERSONAL_BASIS = "《中华人民共和国个人信息保护法》第十三条、第三十四条：仅在履行法定职责所必需的范围内处理";
    private static final String TAX_BASIS = "《中华人民共和国税收征收管理法》第八条：税务机关应当依法为纳税人、扣缴义务人的情况保密";

    private static Meta person(String classification, DataDomain domain, UpdateCycle cycle, String conditions, String system) {
        return new Meta(classification, domain, cycle, ShareType.CONDITIONAL, conditions, null, OpenType.NOT_OPEN,
                DataGrade.IMPORTANT, system, false);
    }

    private static Meta open(String classification, DataDomain domain, UpdateCycle cycle, String system) {
        return new Meta(classification, domain, cycle, ShareType.UNCONDITIONAL, null, null, OpenType.UNCONDITIONAL,
                DataGrade.GENERAL, system, false);
    }

    static final Map<String, Meta> META = Map.ofEntries(
            Map.entry("household_registration", person("101001", DataDomain.POPULATION, UpdateCycle.DAILY,
                    "用于身份核验和政务服务办理，按最小必要原则申请字段", "人口信息管理系统")),
            Map.entry("households", person("101002", DataDomain.POPULATION, UpdateCycle.DAILY, "用于家庭关系核验", "人口信息管理系统")),
            Map.entry("enterprises", open("102001", DataDomain.MARKET_SUPERVISION, UpdateCycle.DAILY, "市场主体登记系统")),
            Map.entry("legal_representatives", person("102002", DataDomain.MARKET_SUPERVISION, UpdateCycle.DAILY,
                    "用于法定代表人身份核验", "市场主体登记系统")),
            Map.entry("minimum_living_allowance", person("201001", DataDomain.SOCIAL_SECURITY, UpdateCycle.MONTHLY,
                    "用于社会救助核查", "社会救助信息系统")),
            Map.entry("marriage_registrations", person("101003", DataDomain.CIVIL_AFFAIRS, UpdateCycle.DAILY,
                    "用于婚姻状况核验", "婚姻登记信息系统")),
            Map.entry("elderly_subsidy", person("201002", DataDomain.CIVIL_AFFAIRS, UpdateCycle.MONTHLY, "用于老年福利核查", "养老服务信息系统")),
            Map.entry("employment_registrations", person("201003", DataDomain.EMPLOYMENT, UpdateCycle.DAILY,
                    "用于就业状态核验", "公共就业服务系统")),
            Map.entry("pension_contributions", new Meta("201004", DataDomain.SOCIAL_SECURITY, UpdateCycle.MONTHLY,
                    ShareType.NOT_SHARED, null, PERSONAL_BASIS, OpenType.NOT_OPEN, DataGrade.IMPORTANT, "社会保险经办系统", false)),
            Map.entry("pensioners", person("201005", DataDomain.SOCIAL_SECURITY, UpdateCycle.MONTHLY,
                    "用于待遇资格认证", "社会保险经办系统")),
            Map.entry("insured_persons", person("201006", DataDomain.HEALTH, UpdateCycle.DAILY, "用于参保状态核验", "医疗保障信息平台")),
            Map.entry("real_estate_units", person("103001", DataDomain.LAND_RESOURCES, UpdateCycle.DAILY,
                    "用于住房、公积金和税务业务核验", "不动产登记系统")),
            Map.entry("right_holders", person("103002", DataDomain.LAND_RESOURCES, UpdateCycle.DAILY,
                    "用于权属核验", "不动产登记系统")),
            Map.entry("public_rental_applications", person("201007", DataDomain.HOUSING, UpdateCycle.MONTHLY,
                    "用于住房保障资格复核", "住房保障管理系统")),
            Map.entry("employer_accounts", open("102003", DataDomain.HOUSING, UpdateCycle.MONTHLY, "公积金业务系统")),
            Map.entry("personal_accounts", person("201008", DataDomain.HOUSING, UpdateCycle.MONTHLY,
                    "用于贷款审核和缴存核验", "公积金业务系统")),
            Map.entry("enterprise_tax_payments", new Meta("202001", DataDomain.TAX, UpdateCycle.MONTHLY, ShareType.CONDITIONAL,
                    "用于纳税信用评价和惠企政策兑现", null, OpenType.NOT_OPEN, DataGrade.IMPORTANT, "金税系统", false)),
            Map.entry("individual_income_tax", new Meta("202002", DataDomain.TAX, UpdateCycle.MONTHLY, ShareType.NOT_SHARED,
                    null, TAX_BASIS, OpenType.NOT_OPEN, DataGrade.IMPORTANT, "自然人电子税务局", false)),
            Map.entry("birth_certificates", new Meta("101004", DataDomain.HEALTH, UpdateCycle.DAILY, ShareType.CONDITIONAL,
                    "用于新生儿落户和医保参保", null, OpenType.NOT_OPEN, DataGrade.IMPORTANT, "妇幼健康信息系统", true)),
            Map.entry("death_certificates", person("101005", DataDomain.HEALTH, UpdateCycle.DAILY,
                    "用于户籍注销和待遇停发", "死因监测系统")),
            Map.entry("pupils", new Meta("203001", DataDomain.EDUCATION, UpdateCycle.QUARTERLY, ShareType.CONDITIONAL,
                    "用于入学资格和教育资助核验", null, OpenType.NOT_OPEN, DataGrade.IMPORTANT, "学籍管理系统", true)),
            Map.entry("schools", open("203002", DataDomain.EDUCATION, UpdateCycle.YEARLY, "教育事业统计系统")),
            Map.entry("operators", open("204001", DataDomain.TRANSPORT, UpdateCycle.WEEKLY, "道路运政管理系统")),
            Map.entry("vehicles", new Meta("204002", DataDomain.TRANSPORT, UpdateCycle.WEEKLY, ShareType.UNCONDITIONAL, null,
                    null, OpenType.CONDITIONAL, DataGrade.GENERAL, "道路运政管理系统", false)),
            Map.entry("drivers", person("204003", DataDomain.TRANSPORT, UpdateCycle.WEEKLY, "用于从业资格核验", "道路运政管理系统")));

    /** For a dataset the list above does not know yet: a department resource, shared on conditions, not open. */
    static Meta fallback() {
        return person("301001", DataDomain.GOVERNMENT_AFFAIRS, UpdateCycle.IRREGULAR, "按需申请", "部门业务系统");
    }

    private DemoDatasets() {
    }
}
