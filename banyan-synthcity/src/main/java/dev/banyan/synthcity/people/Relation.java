package dev.banyan.synthcity.people;

/** A member's relation to the head of the household (与户主关系), with the GB/T 4761 family-relation code. */
public enum Relation {
    HEAD("02", "户主"),
    SPOUSE("10", "配偶"),
    SON("20", "子"),
    DAUGHTER("30", "女"),
    FATHER("51", "父亲"),
    MOTHER("52", "母亲");

    private final String code;
    private final String chinese;

    Relation(String code, String chinese) {
        this.code = code;
        this.chinese = chinese;
    }

    public String code() {
        return code;
    }

    public String chinese() {
        return chinese;
    }

    public boolean isChild() {
        return this == SON || this == DAUGHTER;
    }
}
