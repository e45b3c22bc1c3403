package dev.banyan.server.share;

import java.util.List;

/**
 * A data service as a department defines it, without code (服务定义): written as JSON or YAML, or produced by the
 * console's form. Validated against the catalog and the STANDARD table before it is published; see
 * {@code docs/share.md} for the format and examples.
 *
 * @param code         stable, URL-safe name, e.g. {@code person-basic}; the gateway path is {@code /api/v1/services/{code}}
 * @param resource     code of the catalog resource it serves (not for {@link ServiceKind#PROXY})
 * @param parameters   what callers give; lookups need at least one required parameter
 * @param output       fields (or facts) returned, in this order; each must be a field of the resource
 * @param conditions   fixed filters every call carries, e.g. only current residents
 * @param aggregation  for {@link ServiceKind#AGGREGATE}
 * @param maxPageSize  for {@link ServiceKind#LIST}: the largest page a caller may ask for (default 100, at most 1000)
 * @param verification for {@link ServiceKind#VERIFICATION}: the facts and the CEL rule
 * @param upstream     for {@link ServiceKind#PROXY}: the interface called
 * @param owner        code of the department that owns the service; defaults to the resource's provider, and for a
 *                     proxy to the publisher's department (the administrator must name it)
 */
public record ServiceDefinition(String code, String nameZh, String nameEn, String description, ServiceKind kind,
                                String resource, List<ServiceParameter> parameters, List<String> output,
                                List<RowCondition> conditions, Aggregation aggregation, Integer maxPageSize,
                                VerificationSpec verification, UpstreamSpec upstream, String owner) {

    public static final int DEFAULT_PAGE_SIZE = 20;

    public ServiceDefinition {
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
        output = output == null ? List.of() : List.copyOf(output);
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    /** The largest page a caller may ask for. */
    public int pageLimit() {
        return maxPageSize == null ? 100 : Math.min(1000, Math.max(1, maxPageSize));
    }

    /** The name in the given language, falling back to Chinese. */
    public String name(java.util.Locale locale) {
        return "zh".equals(locale.getLanguage()) || nameEn == null || nameEn.isBlank() ? nameZh : nameEn;
    }
}
