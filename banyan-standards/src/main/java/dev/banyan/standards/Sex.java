package dev.banyan.standards;

/** Sex as encoded in GB 11643 identity numbers and GB/T 2261.1 (性别): 1 male, 2 female. */
public enum Sex {
    /** 男, code 1. */
    MALE("1", "男"),
    /** 女, code 2. */
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

    /** The Chinese term, 男 or 女. */
    public String chinese() {
        return chinese;
    }
}
