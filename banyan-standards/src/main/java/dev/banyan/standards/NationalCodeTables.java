package dev.banyan.standards;

/**
 * Code tables of national standards (国家标准代码表) that department data uses everywhere, with the
 * ways of writing each value seen in department systems.
 */
public final class NationalCodeTables {

    // GB 3304-1991 民族名称的罗马字母拼写和代码: numeric codes 01–56 in the standard's order, then 97 and 98.
    private static final String[] ETHNIC_GROUPS = {
        "汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族",
        "满族", "侗族", "瑶族", "白族", "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族",
        "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族", "景颇族", "柯尔克孜族", "土族",
        "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族", "普米族",
        "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族",
        "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族"
    };

    private static final CodeTable SEX = CodeTable.builder("性别 (GB/T 2261.1)")
            .code("0", "未知的性别", "未知", "unknown")
            .code("1", "男性", "男", "男士", "m", "male", "man")
            .code("2", "女性", "女", "女士", "f", "female", "woman")
            .code("9", "未说明的性别", "未说明", "unspecified", "not stated")
            .build();

    private static final CodeTable MARITAL_STATUS = CodeTable.builder("婚姻状况 (GB/T 2261.2)")
            .code("10", "未婚", "single", "unmarried", "never married")
            .code("20", "已婚", "有配偶", "married")
            .code("21", "初婚", "first marriage")
            .code("22", "再婚", "remarried")
            .code("23", "复婚", "remarried to former spouse")
            .code("30", "丧偶", "widowed", "widow", "widower")
            .code("40", "离婚", "离异", "divorced")
            .code("90", "未说明的婚姻状况", "未说明", "unknown", "not stated")
            .build();

    private static final CodeTable ETHNICITY = ethnicityTable();

    private NationalCodeTables() {
    }

    /**
     * 性别 (GB/T 2261.1-2003): {@code 0} 未知的性别, {@code 1} 男性, {@code 2} 女性, {@code 9} 未说明的性别;
     * also {@code 男}/{@code 女}, {@code M}/{@code F}, {@code male}/{@code female}. The codes are those of
     * {@link Sex#code()}.
     */
    public static CodeTable sex() {
        return SEX;
    }

    /**
     * 婚姻状况 (GB/T 2261.2-2003): {@code 10} 未婚, {@code 20} 已婚, {@code 21} 初婚, {@code 22} 再婚,
     * {@code 23} 复婚, {@code 30} 丧偶, {@code 40} 离婚 (also 离异), {@code 90} 未说明的婚姻状况; also the
     * English words (single, married, widowed, divorced).
     */
    public static CodeTable maritalStatus() {
        return MARITAL_STATUS;
    }

    /**
     * 民族 (GB 3304-1991): {@code 01} 汉族 … {@code 56} 基诺族, {@code 97} 未识别民族, {@code 98} 外国血统中国籍人士;
     * also the name without 族 ({@code 汉}, {@code 畲}) and the codes 1–9 without their leading zero, as
     * spreadsheets show them.
     */
    public static CodeTable ethnicity() {
        return ETHNICITY;
    }

    private static CodeTable ethnicityTable() {
        CodeTable.Builder b = CodeTable.builder("民族 (GB 3304)");
        for (int i = 0; i < ETHNIC_GROUPS.length; i++) {
            String code = (i + 1 < 10 ? "0" : "") + (i + 1);
            String name = ETHNIC_GROUPS[i];
            String shortName = name.substring(0, name.length() - 1);
            if (i + 1 < 10) {
                b.code(code, name, shortName, Integer.toString(i + 1));
            } else {
                b.code(code, name, shortName);
            }
        }
        b.code("97", "未识别民族", "其他", "其他未识别民族", "未识别的民族");
        b.code("98", "外国血统中国籍人士", "外国血统");
        return b.build();
    }
}
