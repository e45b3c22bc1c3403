package dev.banyan.synthcity.property;

/** How a dwelling came to its owner (房屋性质). */
public enum HouseKind {
    COMMODITY("商品房"),
    REFORM("房改房"),
    SELF_BUILT("自建房"),
    AFFORDABLE("经济适用住房"),
    RESETTLEMENT("安置房"),
    PUBLIC_RENTAL("公共租赁住房");

    private final String chinese;

    HouseKind(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
