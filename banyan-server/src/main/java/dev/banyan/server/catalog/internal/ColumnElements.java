package dev.banyan.server.catalog.internal;

import dev.banyan.server.catalog.DataGrade;
import dev.banyan.server.catalog.PersonalInformation;
import dev.banyan.server.catalog.ResourceField;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Recognises the usual Chinese column names of department files (e.g. 身份证号码, 统一社会信用代码) and describes
 * them as catalog fields: the data element they carry, whether they are (sensitive) personal information, their
 * grade. Used to register the synthetic city's datasets with realistic metadata.
 */
final class ColumnElements {

    /**
     * @param personal whether the value is about a person even in a company's record (a legal representative's name
     *                 is; an address of a company is not)
     */
    private record Rule(String element, PersonalInformation pi, DataGrade grade, boolean personal) {
    }

    private static final Map<String, Rule> RULES = new LinkedHashMap<>();

    static {
        // First match wins, so longer and more specific texts come first.
        rule("统一社会信用代码", "DE0010", PersonalInformation.NONE, DataGrade.GENERAL, false);
        rule("纳税人识别号", "DE0025", PersonalInformation.NONE, DataGrade.GENERAL, false);
        rule("公民身份号码", "DE0001", PersonalInformation.SENSITIVE_IDENTITY, DataGrade.IMPORTANT, true);
        rule("身份证件号", "DE0001", PersonalInformation.SENSITIVE_IDENTITY, DataGrade.IMPORTANT, true);
        rule("身份证号", "DE0001", PersonalInformation.SENSITIVE_IDENTITY, DataGrade.IMPORTANT, true);
        rule("证件号码", "DE0001", PersonalInformation.SENSITIVE_IDENTITY, DataGrade.IMPORTANT, true);
        rule("全国学籍号", "DE0024", PersonalInformation.SENSITIVE_IDENTITY, DataGrade.IMPORTANT, true);
        rule("不动产单元号", "DE0017", PersonalInformation.NONE, DataGrade.GENERAL, false);
        rule("车牌号码", "DE0020", PersonalInformation.NONE, DataGrade.GENERAL, false);
        rule("号牌号码", "DE0020", PersonalInformation.NONE, DataGrade.GENERAL, false);
        rule("企业名称", "DE0011", PersonalInformation.NONE, DataGrade.GENERAL, false);
        rule("单位名称", "DE0011", PersonalInformation.NONE, DataGrade.GENERAL, false);
        rule("法定代表人", "DE0012", PersonalInformation.PERSONAL, DataGrade.GENERAL, true);
        rule("注册资本", "DE0013", PersonalInformation.NONE, DataGrade.GENERAL, false);
        rule("成立日期", "DE0014", PersonalInformation.NONE, DataGrade.GENERAL, false);
        rule("经营范围", "DE0015", PersonalInformation.NONE, DataGrade.GENERAL, false);
        rule("套内建筑面积", null, PersonalInformation.NONE, DataGrade.GENERAL, false);
        rule("建筑面积", "DE0019", PersonalInformation.NONE, DataGrade.GENERAL, false);
        rule("坐落", "DE0018", PersonalInformation.NONE, DataGrade.GENERAL, false);
        rule("死亡原因", null, PersonalInformation.SENSITIVE_HEALTH, DataGrade.IMPORTANT, true);
        rule("ICD", null, PersonalInformation.SENSITIVE_HEALTH, DataGrade.IMPORTANT, true);
        rule("孕周", null, PersonalInformation.SENSITIVE_HEALTH, DataGrade.GENERAL, true);
        rule("体重", null, PersonalInformation.SENSITIVE_HEALTH, DataGrade.GENERAL, true);
        rule("身长", null, PersonalInformation.SENSITIVE_HEALTH, DataGrade.GENERAL, true);
        rule("死亡日期", "DE0009", PersonalInformation.PERSONAL, DataGrade.GENERAL, true);
        rule("出生日期", "DE0004", PersonalInformation.PERSONAL, DataGrade.GENERAL, true);
        rule("户籍地址", "DE0007", PersonalInformation.PERSONAL, DataGrade.GENERAL, true);
        rule("婚姻状况", "DE0008", PersonalInformation.PERSONAL, DataGrade.GENERAL, true);
        rule("民族", "DE0005", PersonalInformation.PERSONAL, DataGrade.GENERAL, true);
        rule("性别", "DE0003", PersonalInformation.PERSONAL, DataGrade.GENERAL, true);
        rule("姓名", "DE0002", PersonalInformation.PERSONAL, DataGrade.GENERAL, true);
        rule("联系电话", "DE0006", PersonalInformation.PERSONAL, DataGrade.GENERAL, false);
        rule("手机号", "DE0006", PersonalInformation.PERSONAL, DataGrade.GENERAL, false);
        rule("缴费基数", null, PersonalInformation.SENSITIVE_FINANCIAL, DataGrade.IMPORTANT, true);
        rule("缴存基数", null, PersonalInformation.SENSITIVE_FINANCIAL, DataGrade.IMPORTANT, true);
        rule("账户余额", null, PersonalInformation.SENSITIVE_FINANCIAL, DataGrade.IMPORTANT, true);
        rule("收入", null, PersonalInformation.SENSITIVE_FINANCIAL, DataGrade.IMPORTANT, true);
        rule("养老金", null, PersonalInformation.SENSITIVE_FINANCIAL, DataGrade.IMPORTANT, true);
        rule("保障金额", null, PersonalInformation.PERSONAL, DataGrade.GENERAL, true);
        rule("住址", null, PersonalInformation.PERSONAL, DataGrade.GENERAL, false);
        rule("地址", null, PersonalInformation.PERSONAL, DataGrade.GENERAL, false);
        rule("行政区划代码", "DE0016", PersonalInformation.NONE, DataGrade.GENERAL, false);
        rule("日期", "DE0028", PersonalInformation.NONE, DataGrade.GENERAL, false);
    }

    private static void rule(String text, String element, PersonalInformation pi, DataGrade grade, boolean personal) {
        RULES.put(text, new Rule(element, pi, grade, personal));
    }

    private ColumnElements() {
    }

    /**
     * The field for a column.
     *
     * @param label         the column's meaning in Chinese: its name, or its comment for coded database columns
     * @param aboutPersons  whether the dataset's records are about people (else an address or phone is the
     *                      organisation's, not personal information)
     * @param minors        whether the people are children, whose personal information is all sensitive
     * @param authoritative the elements the department is the authoritative source of; only the record's own value
     *                      claims it (公民身份号码, not 母亲身份证号 or 用人单位统一社会信用代码)
     */
    static ResourceField field(String name, String label, String type, String description, boolean aboutPersons,
                               boolean minors, Set<String> authoritative) {
        for (var entry : RULES.entrySet()) {
            if (label.contains(entry.getKey())) {
                Rule r = entry.getValue();
                PersonalInformation pi = r.pi();
                if (pi == PersonalInformation.PERSONAL && !aboutPersons && !r.personal()) {
                    pi = PersonalInformation.NONE;
                }
                if (minors && pi.isPersonal()) {
                    pi = PersonalInformation.SENSITIVE_MINOR;
                }
                DataGrade grade = pi.isSensitive() ? DataGrade.IMPORTANT : r.grade();
                boolean claims = r.element() != null && authoritative.contains(r.element())
                        && withoutUnit(label).equals(entry.getKey());
                return new ResourceField(name, type, description, false, r.element(), pi, grade, claims);
            }
        }
        return new ResourceField(name, type, description, false, null, PersonalInformation.NONE, DataGrade.GENERAL, false);
    }

    /** 注册资本（万元） → 注册资本. */
    private static String withoutUnit(String label) {
        return label.replaceAll("[（(][^）)]*[）)]$", "").strip();
    }
}
