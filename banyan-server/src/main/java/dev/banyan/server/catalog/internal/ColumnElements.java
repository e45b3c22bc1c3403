package dev.banyan.server.catalog.internal;

import dev.banyan.server.catalog.DataGrade;
import dev.banyan.server.catalog.PersonalInformation;
import dev.banyan.server.catalog.ResourceField;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recognises the usual Chinese column names of department files (e.g. 身份证号码, 统一社会信用代码) and describes
 * them as catalog fields: the data element they carry, whether they are (sensitive) personal information, their
 * grade and type. Used to register the synthetic city's datasets with realistic metadata.
 */
final class ColumnElements {

    private record Rule(String element, String type, PersonalInformation pi, DataGrade grade) {
    }

    private static final Map<String, Rule> RULES = new LinkedHashMap<>();

    static {
        rule("公民身份号码", "DE0001", "string", PersonalInformation.SENSITIVE_IDENTITY, DataGrade.IMPORTANT);
        rule("身份证号", "DE0001", "string", PersonalInformation.SENSITIVE_IDENTITY, DataGrade.IMPORTANT);
        rule("证件号码", "DE0001", "string", PersonalInformation.SENSITIVE_IDENTITY, DataGrade.IMPORTANT);
        rule("社会保障号码", "DE0021", "string", PersonalInformation.SENSITIVE_IDENTITY, DataGrade.IMPORTANT);
        rule("统一社会信用代码", "DE0010", "string", PersonalInformation.NONE, DataGrade.GENERAL);
        rule("纳税人识别号", "DE0025", "string", PersonalInformation.NONE, DataGrade.GENERAL);
        rule("姓名", "DE0002", "string", PersonalInformation.PERSONAL, DataGrade.GENERAL);
        rule("性别", "DE0003", "string", PersonalInformation.PERSONAL, DataGrade.GENERAL);
        rule("出生日期", "DE0004", "date", PersonalInformation.PERSONAL, DataGrade.GENERAL);
        rule("民族", "DE0005", "string", PersonalInformation.PERSONAL, DataGrade.GENERAL);
        rule("联系电话", "DE0006", "string", PersonalInformation.PERSONAL, DataGrade.GENERAL);
        rule("手机号", "DE0006", "string", PersonalInformation.PERSONAL, DataGrade.GENERAL);
        rule("户籍地址", "DE0007", "string", PersonalInformation.PERSONAL, DataGrade.GENERAL);
        rule("婚姻状况", "DE0008", "string", PersonalInformation.PERSONAL, DataGrade.GENERAL);
        rule("死亡日期", "DE0009", "date", PersonalInformation.PERSONAL, DataGrade.GENERAL);
        rule("法定代表人", "DE0012", "string", PersonalInformation.PERSONAL, DataGrade.GENERAL);
        rule("注册资本", "DE0013", "decimal", PersonalInformation.NONE, DataGrade.GENERAL);
        rule("成立日期", "DE0014", "date", PersonalInformation.NONE, DataGrade.GENERAL);
        rule("经营范围", "DE0015", "string", PersonalInformation.NONE, DataGrade.GENERAL);
        rule("企业名称", "DE0011", "string", PersonalInformation.NONE, DataGrade.GENERAL);
        rule("单位名称", "DE0011", "string", PersonalInformation.NONE, DataGrade.GENERAL);
        rule("行政区划代码", "DE0016", "string", PersonalInformation.NONE, DataGrade.GENERAL);
        rule("不动产单元号", "DE0017", "string", PersonalInformation.NONE, DataGrade.GENERAL);
        rule("坐落", "DE0018", "string", PersonalInformation.PERSONAL, DataGrade.GENERAL);
        rule("建筑面积", "DE0019", "decimal", PersonalInformation.NONE, DataGrade.GENERAL);
        rule("号牌号码", "DE0020", "string", PersonalInformation.PERSONAL, DataGrade.GENERAL);
        rule("缴费基数", "DE0022", "decimal", PersonalInformation.SENSITIVE_FINANCIAL, DataGrade.IMPORTANT);
        rule("公积金账号", "DE0023", "string", PersonalInformation.SENSITIVE_FINANCIAL, DataGrade.IMPORTANT);
        rule("学籍号", "DE0024", "string", PersonalInformation.SENSITIVE_MINOR, DataGrade.IMPORTANT);
        rule("接种", "DE0026", "string", PersonalInformation.SENSITIVE_HEALTH, DataGrade.IMPORTANT);
        rule("诊断", null, "string", PersonalInformation.SENSITIVE_HEALTH, DataGrade.IMPORTANT);
        rule("地址", null, "string", PersonalInformation.PERSONAL, DataGrade.GENERAL);
        rule("日期", "DE0028", "date", PersonalInformation.NONE, DataGrade.GENERAL);
        rule("金额", null, "decimal", PersonalInformation.NONE, DataGrade.GENERAL);
    }

    private static void rule(String contains, String element, String type, PersonalInformation pi, DataGrade grade) {
        RULES.put(contains, new Rule(element, type, pi, grade));
    }

    private ColumnElements() {
    }

    /**
     * The field for a column; the first rule whose text the name contains wins (so 用人单位统一社会信用代码 is a credit
     * code and 就业登记日期 a date).
     *
     * @param authoritative the elements the department is the authoritative source of
     */
    static ResourceField field(String column, String declaredType, java.util.Set<String> authoritative) {
        for (var rule : RULES.entrySet()) {
            if (column.contains(rule.getKey())) {
                Rule r = rule.getValue();
                boolean exact = r.element() != null && authoritative.contains(r.element()) && isPrincipal(column, rule.getKey());
                return new ResourceField(column, declaredType == null ? r.type() : declaredType, null,
                        false, r.element(), r.pi(), r.grade(), exact);
            }
        }
        return new ResourceField(column, declaredType == null ? "string" : declaredType, null, false, null,
                PersonalInformation.NONE, DataGrade.GENERAL, false);
    }

    /** Only the record's own value is authoritative: 公民身份号码, not 男方公民身份号码 or 用人单位统一社会信用代码. */
    private static boolean isPrincipal(String column, String rule) {
        return column.equals(rule) || column.equals(rule + "码");
    }
}
