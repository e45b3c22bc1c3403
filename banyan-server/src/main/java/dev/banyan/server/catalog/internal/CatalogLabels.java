package dev.banyan.server.catalog.internal;

import dev.banyan.server.catalog.DataDomain;
import dev.banyan.server.catalog.DataGrade;
import dev.banyan.server.catalog.DemandAnswerKind;
import dev.banyan.server.catalog.OpenType;
import dev.banyan.server.catalog.PersonalInformation;
import dev.banyan.server.catalog.ResourceStatus;
import dev.banyan.server.catalog.ShareType;
import dev.banyan.server.catalog.SubjectType;
import dev.banyan.server.catalog.UpdateCycle;
import java.util.Map;

/** The message key of each catalog enum value's label, e.g. {@code catalog.shareType.CONDITIONAL}. */
public final class CatalogLabels {

    private static final Map<Class<?>, String> PREFIXES = Map.of(ShareType.class, "catalog.shareType.",
            OpenType.class, "catalog.openType.", DataGrade.class, "catalog.grade.", ResourceStatus.class, "catalog.status.",
            UpdateCycle.class, "catalog.updateCycle.", DataDomain.class, "catalog.domain.",
            PersonalInformation.class, "catalog.pi.", SubjectType.class, "catalog.subject.",
            DemandAnswerKind.class, "demand.answer.");

    private CatalogLabels() {
    }

    public static String key(Enum<?> value) {
        return PREFIXES.get(value.getDeclaringClass()) + value.name();
    }

    /** The key for a facet value of a dimension of the search index. */
    public static String facetKey(String dimension, String value) {
        return switch (dimension) {
            case "domain" -> "catalog.domain." + value;
            case "shareType" -> "catalog.shareType." + value;
            case "openType" -> "catalog.openType." + value;
            case "grade" -> "catalog.grade." + value;
            case "status" -> "catalog.status." + value;
            default -> null;
        };
    }
}
