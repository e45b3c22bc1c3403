package dev.banyan.synthcity.property;

/** Registered use of a real-estate unit (规划用途). */
public enum HousePurpose {
    RESIDENTIAL("住宅"),
    COMMERCIAL("商业服务"),
    OFFICE("办公");

    private final String chinese;

    HousePurpose(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
