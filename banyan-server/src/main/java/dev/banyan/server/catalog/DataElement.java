package dev.banyan.server.catalog;

/**
 * A data element (数据元): the standard definition a field maps to, e.g. 公民身份号码 validated by GB 11643.
 * Later modules attach their validation and standardisation rules to its code.
 *
 * @param code        stable code, e.g. {@code DE0001}
 * @param type        data type: string, integer, decimal, date, datetime, boolean
 * @param format      the representation, e.g. {@code c18} or {@code YYYY-MM-DD}
 * @param standard    the national standard it follows, e.g. {@code GB 11643-1999}, or null
 * @param subjectType what the element describes, for one data, one source
 * @param aliases     other names people search with, e.g. 身份证号 for 公民身份号码
 */
public record DataElement(String code, String nameZh, String nameEn, String type, String format, String standard,
                          SubjectType subjectType, String aliases) {

    public String name(java.util.Locale locale) {
        return "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
    }
}
