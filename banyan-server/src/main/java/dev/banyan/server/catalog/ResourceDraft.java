package dev.banyan.server.catalog;

import java.time.LocalDate;
import java.util.List;

/**
 * A resource as a department writes it (资源编目信息), validated by {@link Catalog#draft} and {@link Catalog#update}.
 * See {@link Resource} for the meaning of each element.
 */
public record ResourceDraft(String code, String nameZh, String nameEn, Long providerId, String summary,
                            DataDomain domain, String format, UpdateCycle updateCycle, String sourceSystem,
                            LocalDate releaseDate, ShareType shareType, String shareConditions, String shareLegalBasis,
                            OpenType openType, DataGrade grade, List<ResourceField> fields) {

    public ResourceDraft {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }
}
