package dev.banyan.server.identity;

import java.time.Instant;

/**
 * A government department (委办局) that provides or uses data, e.g. 福州市公安局.
 *
 * @param code       short stable code used in URLs and resource codes, e.g. {@code public-security}
 * @param creditCode its unified social credit code (统一社会信用代码), GB 32100
 * @param parentId   the department it belongs to, or null
 */
public record Department(long id, String code, String nameZh, String nameEn, String creditCode,
                         DepartmentLevel level, Long parentId, Instant createdAt) {

    /** The name in the given language ({@code zh} or anything else for English). */
    public String name(java.util.Locale locale) {
        return "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
    }
}
