package dev.banyan.server.share;

import java.util.List;

/**
 * What a consumer department asks for when it applies to use a service.
 *
 * @param clientId           the department's machine client that will call the service
 * @param fields             fields wanted in clear; personal fields left out are returned masked
 * @param durationDays       how long the grant should last (1–1095 days)
 * @param expectedDailyCalls the expected volume, which becomes the daily quota (with headroom)
 */
public record NewApplication(String serviceCode, String clientId, String purpose, String legalBasis, List<String> fields,
                             int durationDays, int expectedDailyCalls) {

    public NewApplication {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }
}
