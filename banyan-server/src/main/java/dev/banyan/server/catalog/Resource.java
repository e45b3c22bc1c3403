package dev.banyan.server.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A government data resource (政务数据资源) as catalogued after GB/T 21063 and the 2017 cataloguing guide.
 *
 * @param code            资源代码: classification code (类 1 digit, 项 2, 目 3, 细目 optional) + provider's credit
 *                        code + serial, see {@link ResourceCode}
 * @param providerId      the providing department (提供方), an identity department id
 * @param format          资源格式, e.g. 数据库, 电子表格, 接口
 * @param sourceSystem    the department system the data comes from (来源系统)
 * @param shareConditions required when the share type is {@link ShareType#CONDITIONAL}
 * @param shareLegalBasis required when the share type is {@link ShareType#NOT_SHARED}
 * @param version         incremented by every change; see {@link Catalog#versions}
 * @param reviewComment   the platform administrator's comment when returning it to draft
 */
public record Resource(long id, String code, String nameZh, String nameEn, long providerId, String summary,
                       DataDomain domain, String format, UpdateCycle updateCycle, String sourceSystem,
                       LocalDate releaseDate, ShareType shareType, String shareConditions, String shareLegalBasis,
                       OpenType openType, DataGrade grade, ResourceStatus status, int version, String reviewComment,
                       List<ResourceField> fields, Instant createdAt, Instant updatedAt) {

    /** The name in the given language ({@code zh} or anything else for English, falling back to Chinese). */
    public String name(java.util.Locale locale) {
        return "zh".equals(locale.getLanguage()) || nameEn == null || nameEn.isBlank() ? nameZh : nameEn;
    }

    /** The same content as a draft, to edit it. */
    public ResourceDraft toDraft() {
        return new ResourceDraft(code, nameZh, nameEn, providerId, summary, domain, format, updateCycle, sourceSystem,
                releaseDate, shareType, shareConditions, shareLegalBasis, openType, grade, fields);
    }

    public boolean hasPersonalInformation() {
        return fields.stream().anyMatch(f -> f.personalInformation().isPersonal());
    }
}
