package dev.banyan.server.catalog;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A resource code (信息资源代码) after the 2017 cataloguing guide: the classification code — 类 (1 digit,
 * 1 基础 / 2 主题 / 3 部门), 项 (2 digits), 目 (3 digits) and an optional 细目 (up to 3 digits) — then the
 * provider's unified social credit code, then a serial (顺序码) of 3 to 6 digits, joined by hyphens, e.g.
 * {@code 101001-11350100MB0000001X-001}.
 */
public record ResourceCode(String classification, String providerCode, String serial) {

    private static final Pattern FORMAT = Pattern.compile("([1-3]\\d{5}\\d{0,3})-([0-9A-HJ-NP-RTUW-Y]{18})-(\\d{3,6})");

    public static Optional<ResourceCode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        var m = FORMAT.matcher(text.strip());
        return m.matches() ? Optional.of(new ResourceCode(m.group(1), m.group(2), m.group(3))) : Optional.empty();
    }

    public String value() {
        return classification + "-" + providerCode + "-" + serial;
    }

    @Override
    public String toString() {
        return value();
    }
}
