package dev.banyan.standards;

import java.math.BigDecimal;

/**
 * The unit an amount of money is written in (金额单位): yuan, or the myriad-based units of Chinese
 * accounting — 万元 for registered capital (注册资本), 亿元 for budgets.
 */
public enum AmountUnit {
    /** 元. */
    YUAN("元", 0),
    /** 千元, as in some statistical tables. */
    THOUSAND_YUAN("千元", 3),
    /** 万元 (ten thousand yuan). */
    TEN_THOUSAND_YUAN("万元", 4),
    /** 百万元 (a million yuan). */
    MILLION_YUAN("百万元", 6),
    /** 千万元 (ten million yuan). */
    TEN_MILLION_YUAN("千万元", 7),
    /** 亿元 (a hundred million yuan). */
    HUNDRED_MILLION_YUAN("亿元", 8),
    /** 万亿元 (a trillion yuan). */
    TRILLION_YUAN("万亿元", 12);

    private final String chinese;
    private final int powerOfTen;

    AmountUnit(String chinese, int powerOfTen) {
        this.chinese = chinese;
        this.powerOfTen = powerOfTen;
    }

    /** The Chinese name, e.g. {@code 万元}. */
    public String chinese() {
        return chinese;
    }

    /** The number of yuan in one unit as a power of ten: 4 for 万元. */
    public int powerOfTen() {
        return powerOfTen;
    }

    /** {@code amount} units in yuan, exactly. */
    public BigDecimal toYuan(BigDecimal amount) {
        return amount.movePointRight(powerOfTen);
    }

    /** The unit whose multiplier word (万, 千万, 亿 …, without 元) is {@code word}, or null. */
    static AmountUnit ofMultiplier(String word) {
        return switch (word) {
            case "千" -> THOUSAND_YUAN;
            case "万", "萬" -> TEN_THOUSAND_YUAN;
            case "百万" -> MILLION_YUAN;
            case "千万" -> TEN_MILLION_YUAN;
            case "亿", "億" -> HUNDRED_MILLION_YUAN;
            case "万亿" -> TRILLION_YUAN;
            default -> null;
        };
    }
}
