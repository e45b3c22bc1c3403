package dev.banyan.standards;

/** Sex as encoded in GB 11643 identity numbers and GB/T 2261.1 (性别): 1 male, 2 female. */
public enum Sex {
    MALE("1", "男"),
    FEMALE("2", "女");

    private final String code;
    private final String chinese;

    Sex(String code, String chinese) {
        this.code = code;
        this.chinese = chinese;
    }

    /** The GB/T 2261.1 code. */
    public String code() {
        return code;
    }

    public String chinese() {
        return chinese;
    }
}
