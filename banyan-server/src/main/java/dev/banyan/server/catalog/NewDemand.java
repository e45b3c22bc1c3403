package dev.banyan.server.catalog;

/**
 * A department's request for data (数据需求); validated by {@link DemandList#file}.
 *
 * @param resourceId the catalogued resource asked for, if known; its provider is then the owner
 * @param ownerId    the department believed to own the data, if known; with neither, the platform answers
 */
public record NewDemand(String title, String purpose, String legalBasis, Long resourceId, Long ownerId) {
}
