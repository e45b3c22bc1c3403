package dev.banyan.server.catalog;

/**
 * Open type (开放类型: 无条件开放 / 有条件开放 / 不予开放) of a resource towards the public; maps to the EU
 * access-right vocabulary PUBLIC / RESTRICTED / NON_PUBLIC in DCAT.
 */
public enum OpenType {
    /** 无条件开放. */
    UNCONDITIONAL("PUBLIC"),
    /** 有条件开放. */
    CONDITIONAL("RESTRICTED"),
    /** 不予开放. */
    NOT_OPEN("NON_PUBLIC");

    private final String accessRight;

    OpenType(String accessRight) {
        this.accessRight = accessRight;
    }

    /** The code in the EU access-right authority table. */
    public String accessRight() {
        return accessRight;
    }
}
