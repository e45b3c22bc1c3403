package dev.banyan.standards;

import java.util.Map;
import java.util.Optional;

/**
 * Long-distance area codes (长途区号) of mainland China, written with the trunk prefix {@code 0}, and the
 * city each one reaches.
 *
 * <p>The table holds Fujian's prefecture-level cities (0591 福州 … 0599 南平, as listed in Banyan's
 * identifier notes) and the ten three-digit codes of the largest cities ({@code 010} 北京,
 * {@code 020} 广州, {@code 021} 上海 …). It is deliberately not a national list: an area code not in it
 * is still a valid code, just one this table cannot name.
 */
public final class TelephoneAreaCodes {

    private static final java.util.regex.Pattern WELL_FORMED = java.util.regex.Pattern.compile("0(?:10|2\\d|[3-9]\\d{2})");

    private static final Map<String, String> CITIES = Map.ofEntries(
            // Fujian
            Map.entry("0591", "福州"),
            Map.entry("0592", "厦门"),
            Map.entry("0593", "宁德"),
            Map.entry("0594", "莆田"),
            Map.entry("0595", "泉州"),
            Map.entry("0596", "漳州"),
            Map.entry("0597", "龙岩"),
            Map.entry("0598", "三明"),
            Map.entry("0599", "南平"),
            // The three-digit codes (0 + 10 or 2x); 026 is unassigned.
            Map.entry("010", "北京"),
            Map.entry("020", "广州"),
            Map.entry("021", "上海"),
            Map.entry("022", "天津"),
            Map.entry("023", "重庆"),
            Map.entry("024", "沈阳"),
            Map.entry("025", "南京"),
            Map.entry("027", "武汉"),
            Map.entry("028", "成都"),
            Map.entry("029", "西安"));

    private TelephoneAreaCodes() {
    }

    /** The city an area code such as {@code 0591} reaches, if this table knows it. */
    public static Optional<String> city(String areaCode) {
        return areaCode == null ? Optional.empty() : Optional.ofNullable(CITIES.get(areaCode));
    }

    /**
     * True if {@code areaCode} has the shape of a mainland area code: {@code 010}, {@code 02x}, or
     * {@code 0} followed by three digits starting 3–9.
     */
    public static boolean isWellFormed(String areaCode) {
        return areaCode != null && WELL_FORMED.matcher(areaCode).matches();
    }
}
