package dev.banyan.server.catalog.internal;

import dev.banyan.server.catalog.DataDomain;
import dev.banyan.server.catalog.DataGrade;
import dev.banyan.server.catalog.OpenType;
import dev.banyan.server.catalog.ShareType;
import dev.banyan.server.catalog.UpdateCycle;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The catalog metadata of the synthetic city's datasets that only a department would know — classification,
 * domain, share and open types, grade, update cycle, source system — by department and dataset name. Columns
 * come from the generated city when it is there; the list below names them for a city not yet generated.
 */
final class DemoDatasets {

    /** One dataset of a department and how it is catalogued. */
    record Entry(String department, String dataset, String classification, String nameZh, String nameEn, DataDomain domain,
                 UpdateCycle cycle, ShareType share, String shareConditions, String legalBasis, OpenType open, DataGrade grade,
                 String format, String sourceSystem, List<String> columns) {
    }

    /** Which data elements each department is the authoritative source of (一数一源). */
    static final Map<String, Set<String>> AUTHORITIES = Map.of(
            "public-security", Set.of("DE0001", "DE0002", "DE0003", "DE0004", "DE0005", "DE0007"),
            "market-regulation", Set.of("DE0010", "DE0011", "DE0012", "DE0013", "DE0014", "DE0015"),
            "civil-affairs", Set.of("DE0008"),
            "real-estate", Set.of("DE0017", "DE0018", "DE0019"),
            "provident-fund", Set.of("DE0023"),
            "education", Set.of("DE0024"),
            "medical-insurance", Set.of("DE0022"),
            "tax", Set.of("DE0025"));

    private static final String PERSONAL_BASIS = "《中华人民共和国个人信息保护法》第十三条、第三十四条：仅在履行法定职责所必需的范围内共享";

    static final List<Entry> ALL = List.of(
            new Entry("public-security", "household_registration", "101001", "常住人口户籍登记信息", "Registered residents",
                    DataDomain.POPULATION, UpdateCycle.DAILY, ShareType.CONDITIONAL, "用于身份核验和政务服务办理，按最小必要原则申请字段",
                    null, OpenType.NOT_OPEN, DataGrade.IMPORTANT, "数据库", "人口信息管理系统",
                    List.of("户号", "姓名", "公民身份号码", "性别", "民族", "出生日期", "户籍地址", "婚姻状况", "死亡日期")),
            new Entry("public-security", "households", "101002", "户信息", "Households", DataDomain.POPULATION, UpdateCycle.DAILY,
                    ShareType.CONDITIONAL, "用于家庭关系核验", null, OpenType.NOT_OPEN, DataGrade.IMPORTANT, "数据库", "人口信息管理系统",
                    List.of("户号", "户主公民身份号码", "户籍地址", "行政区划代码", "户类型")),
            new Entry("market-regulation", "market_entities", "102001", "市场主体登记信息", "Registered market entities",
                    DataDomain.MARKET_SUPERVISION, UpdateCycle.DAILY, ShareType.UNCONDITIONAL, null, null, OpenType.UNCONDITIONAL,
                    DataGrade.GENERAL, "数据库", "市场主体登记系统",
                    List.of("统一社会信用代码", "企业名称", "法定代表人", "注册资本", "成立日期", "经营范围", "住所", "行政区划代码")),
            new Entry("market-regulation", "administrative_penalties", "202001", "行政处罚信息", "Administrative penalties",
                    DataDomain.CREDIT, UpdateCycle.WEEKLY, ShareType.UNCONDITIONAL, null, null, OpenType.UNCONDITIONAL,
                    DataGrade.GENERAL, "电子表格", "行政执法系统",
                    List.of("处罚决定书文号", "当事人统一社会信用代码", "当事人企业名称", "违法事实", "处罚日期", "罚款金额")),
            new Entry("civil-affairs", "marriages", "301001", "婚姻登记信息", "Marriage registrations", DataDomain.CIVIL_AFFAIRS,
                    UpdateCycle.DAILY, ShareType.CONDITIONAL, "用于婚姻状况核验", null, OpenType.NOT_OPEN, DataGrade.IMPORTANT,
                    "数据库", "婚姻登记系统", List.of("登记日期", "登记类型", "男方公民身份号码", "女方公民身份号码", "婚姻状况")),
            new Entry("civil-affairs", "minimum_living_allowance", "203001", "最低生活保障对象信息", "Minimum living allowance recipients",
                    DataDomain.SOCIAL_SECURITY, UpdateCycle.MONTHLY, ShareType.CONDITIONAL, "用于社会救助核查", null,
                    OpenType.NOT_OPEN, DataGrade.IMPORTANT, "电子表格", "社会救助系统",
                    List.of("公民身份号码", "姓名", "保障人数", "月保障金额", "行政区划代码")),
            new Entry("human-resources", "employment_registrations", "203002", "就业登记信息", "Employment registrations",
                    DataDomain.EMPLOYMENT, UpdateCycle.DAILY, ShareType.CONDITIONAL, "用于就业状态核验", null, OpenType.NOT_OPEN,
                    DataGrade.IMPORTANT, "数据库", "就业服务系统",
                    List.of("姓名", "公民身份号码", "性别", "出生日期", "用人单位名称", "用人单位统一社会信用代码", "就业登记日期", "联系电话")),
            new Entry("human-resources", "pension_contributions", "203003", "企业职工基本养老保险缴费明细",
                    "Employee pension insurance contributions", DataDomain.SOCIAL_SECURITY, UpdateCycle.MONTHLY, ShareType.NOT_SHARED,
                    null, PERSONAL_BASIS, OpenType.NOT_OPEN, DataGrade.IMPORTANT, "数据库", "社会保险经办系统",
                    List.of("个人编号", "姓名", "身份证号码", "单位名称", "费款所属期", "缴费基数", "个人缴纳金额", "到账日期")),
            new Entry("medical-insurance", "enrolments", "203004", "基本医疗保险参保信息", "Basic medical insurance enrolment",
                    DataDomain.HEALTH, UpdateCycle.DAILY, ShareType.CONDITIONAL, "用于参保状态核验", null, OpenType.NOT_OPEN,
                    DataGrade.IMPORTANT, "数据库", "医疗保障信息平台",
                    List.of("公民身份号码", "姓名", "参保类型", "参保日期", "医保缴费基数", "参保状态")),
            new Entry("real-estate", "property_registrations", "103001", "不动产登记信息", "Real-estate registrations",
                    DataDomain.LAND_RESOURCES, UpdateCycle.DAILY, ShareType.CONDITIONAL, "用于住房、公积金和税务业务核验", null,
                    OpenType.NOT_OPEN, DataGrade.IMPORTANT, "数据库", "不动产登记系统",
                    List.of("不动产单元号", "坐落", "建筑面积", "权利人姓名", "权利人公民身份号码", "登记日期", "登记类型")),
            new Entry("housing", "commercial_housing_contracts", "204001", "商品房网签备案信息", "Commercial housing sales contracts",
                    DataDomain.HOUSING, UpdateCycle.DAILY, ShareType.CONDITIONAL, "用于购房资格和贷款审核", null, OpenType.NOT_OPEN,
                    DataGrade.GENERAL, "数据库", "房屋交易管理系统",
                    List.of("合同编号", "坐落", "建筑面积", "买受人姓名", "买受人公民身份号码", "网签日期", "成交金额")),
            new Entry("housing", "public_rental_housing", "204002", "公共租赁住房保障对象", "Public rental housing tenants",
                    DataDomain.HOUSING, UpdateCycle.MONTHLY, ShareType.CONDITIONAL, "用于住房保障资格复核", null, OpenType.NOT_OPEN,
                    DataGrade.GENERAL, "电子表格", "住房保障系统",
                    List.of("公民身份号码", "姓名", "家庭人数", "房源地址", "租金金额", "入住日期")),
            new Entry("provident-fund", "deposits", "205001", "住房公积金缴存信息", "Housing provident fund deposits",
                    DataDomain.HOUSING, UpdateCycle.MONTHLY, ShareType.CONDITIONAL, "用于贷款审核和个人信用核验", null,
                    OpenType.NOT_OPEN, DataGrade.IMPORTANT, "数据库", "公积金业务系统",
                    List.of("公积金账号", "公民身份号码", "姓名", "单位名称", "月缴存金额", "缴存状态")),
            new Entry("tax", "taxpayers", "102002", "纳税人登记信息", "Registered taxpayers", DataDomain.TAX, UpdateCycle.DAILY,
                    ShareType.UNCONDITIONAL, null, null, OpenType.CONDITIONAL, DataGrade.GENERAL, "接口", "金税系统",
                    List.of("纳税人识别号", "统一社会信用代码", "企业名称", "登记日期", "纳税信用等级")),
            new Entry("health", "birth_certificates", "206001", "出生医学证明信息", "Medical birth certificates",
                    DataDomain.HEALTH, UpdateCycle.DAILY, ShareType.CONDITIONAL, "用于新生儿落户和医保参保", null,
                    OpenType.NOT_OPEN, DataGrade.IMPORTANT, "数据库", "妇幼健康信息系统",
                    List.of("出生医学证明编号", "新生儿姓名", "出生日期", "母亲公民身份号码", "父亲公民身份号码", "助产机构")),
            new Entry("health", "vaccinations", "206002", "预防接种信息", "Vaccination records", DataDomain.HEALTH,
                    UpdateCycle.DAILY, ShareType.NOT_SHARED, null, PERSONAL_BASIS, OpenType.NOT_OPEN, DataGrade.IMPORTANT,
                    "数据库", "免疫规划信息系统", List.of("受种者公民身份号码", "受种者姓名", "疫苗名称", "接种日期", "接种单位")),
            new Entry("education", "student_status", "207001", "中小学学籍信息", "Primary and secondary school enrolment",
                    DataDomain.EDUCATION, UpdateCycle.QUARTERLY, ShareType.CONDITIONAL, "用于入学资格和教育补助核验", null,
                    OpenType.NOT_OPEN, DataGrade.IMPORTANT, "数据库", "学籍管理系统",
                    List.of("学籍号", "姓名", "公民身份号码", "学校名称", "年级", "入学日期")),
            new Entry("transport", "road_transport_licences", "208001", "道路运输经营许可信息", "Road transport operating licences",
                    DataDomain.TRANSPORT, UpdateCycle.WEEKLY, ShareType.UNCONDITIONAL, null, null, OpenType.UNCONDITIONAL,
                    DataGrade.GENERAL, "电子表格", "道路运政系统",
                    List.of("许可证号", "统一社会信用代码", "企业名称", "经营范围", "有效期至")),
            new Entry("transport", "taxi_drivers", "208002", "网络预约出租汽车驾驶员证信息", "Ride-hailing driver permits",
                    DataDomain.TRANSPORT, UpdateCycle.WEEKLY, ShareType.CONDITIONAL, "用于从业资格核验", null, OpenType.NOT_OPEN,
                    DataGrade.GENERAL, "接口", "道路运政系统",
                    List.of("证号", "姓名", "公民身份号码", "号牌号码", "发证日期")));

    private DemoDatasets() {
    }
}
