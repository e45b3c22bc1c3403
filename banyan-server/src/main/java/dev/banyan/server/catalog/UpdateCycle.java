package dev.banyan.server.catalog;

/**
 * Update cycle (更新周期: 实时 / 每日 / 每周 / 每月 / 每季度 / 每半年 / 每年 / 不定期), with its code in the EU
 * frequency authority table used by DCAT's {@code dct:accrualPeriodicity}.
 */
public enum UpdateCycle {
    REAL_TIME("CONT"),
    DAILY("DAILY"),
    WEEKLY("WEEKLY"),
    MONTHLY("MONTHLY"),
    QUARTERLY("QUARTERLY"),
    HALF_YEARLY("ANNUAL_2"),
    YEARLY("ANNUAL"),
    IRREGULAR("IRREG");

    private final String frequency;

    UpdateCycle(String frequency) {
        this.frequency = frequency;
    }

    /** The code in {@code http://publications.europa.eu/resource/authority/frequency/}. */
    public String frequency() {
        return frequency;
    }
}
