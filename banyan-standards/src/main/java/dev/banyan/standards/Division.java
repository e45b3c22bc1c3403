package dev.banyan.standards;

import java.util.Objects;

/**
 * One administrative division (行政区划) of GB/T 2260 as listed in a revision: its six-digit code
 * (行政区划代码), its name, its level and the code of the division it belongs to.
 *
 * @param code       six digits: province (1–2), prefecture (3–4, {@code 00} for the province itself) and
 *                   county (5–6, {@code 00} for the prefecture itself)
 * @param name       the name in that revision, e.g. {@code 鼓楼区}
 * @param level      province, prefecture or county level, read from the code's structure
 * @param parentCode the enclosing division's code, or {@code null} for a province; a county-level unit
 *                   governed directly by its province (e.g. {@code 429004} 仙桃市, or the districts of
 *                   Beijing, which has no {@code 110100} entry) has the province as parent
 */
public record Division(String code, String name, Level level, String parentCode) {

    /** The three levels of GB/T 2260 (省级, 地级, 县级). */
    public enum Level {
        /** 省级: province, autonomous region, municipality, special administrative region. */
        PROVINCE("省级"),
        /** 地级: prefecture-level city, 地区, 自治州, 盟. */
        PREFECTURE("地级"),
        /** 县级: district, county, county-level city, banner. */
        COUNTY("县级");

        private final String chinese;

        Level(String chinese) {
            this.chinese = chinese;
        }

        /** The Chinese term, e.g. {@code 省级}. */
        public String chinese() {
            return chinese;
        }

        /** The level a six-digit code denotes by its trailing zeros. */
        public static Level of(String code) {
            if (code.endsWith("0000")) {
                return PROVINCE;
            }
            return code.endsWith("00") ? PREFECTURE : COUNTY;
        }
    }

    /** Checks that the code is six digits, that the level matches it and that only provinces lack a parent. */
    public Division {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(level, "level");
        if (!DivisionCodes.isWellFormed(code)) {
            throw new IllegalArgumentException("division code must be six digits: " + code);
        }
        if (level != Level.of(code)) {
            throw new IllegalArgumentException("code " + code + " denotes level " + Level.of(code) + ", not " + level);
        }
        if ((level == Level.PROVINCE) != (parentCode == null)) {
            throw new IllegalArgumentException("exactly the provinces have no parent: " + code + " " + level + " " + parentCode);
        }
    }
}
