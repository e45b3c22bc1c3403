package dev.banyan.server.catalog;

/**
 * The open-data domain (开放领域) of a resource: the 27 domains that Chinese city open-data portals
 * commonly use, e.g. 信用服务, 医疗卫生, 社保就业.
 */
public enum DataDomain {
    ECONOMY, FINANCE, INDUSTRY, AGRICULTURE, COMMERCE, CREDIT, TAX, MARKET_SUPERVISION, TRANSPORT,
    EDUCATION, SCIENCE, CULTURE, HEALTH, SOCIAL_SECURITY, EMPLOYMENT, CIVIL_AFFAIRS, PUBLIC_SAFETY,
    JUSTICE, HOUSING, URBAN_CONSTRUCTION, LAND_RESOURCES, ENVIRONMENT, METEOROLOGY, TOURISM,
    GOVERNMENT_AFFAIRS, POPULATION, ENERGY
}
