package dev.banyan.standards;

import java.util.List;

/** How division names are written: the name stem without its type suffix (鼓楼区 → 鼓楼, 福建省 → 福建). */
final class DivisionNames {

    // Longest first, so that 自治县 wins over 县 and 新区 over 区.
    private static final List<String> SUFFIXES = List.of(
            "维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "自治州", "自治县", "自治旗",
            "地区", "林区", "特区", "新区", "省", "市", "区", "县", "旗", "盟");

    private DivisionNames() {
    }

    /** The name without its type suffix, or null if that would leave fewer than two characters. */
    static String stem(String name) {
        for (String suffix : SUFFIXES) {
            if (name.endsWith(suffix)) {
                String stem = name.substring(0, name.length() - suffix.length());
                return stem.length() >= 2 ? stem : null;
            }
        }
        return null;
    }

    /** Placeholder names of summary rows (市辖区, 县, 省直辖县级行政区划 …) that name no place. */
    static boolean isPlaceholder(String name) {
        return name.length() < 2 || name.equals("市辖区") || name.contains("直辖") || name.equals("省辖市");
    }
}
