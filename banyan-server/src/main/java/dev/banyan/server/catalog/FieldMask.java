package dev.banyan.server.catalog;

import dev.banyan.standards.Masking;
import java.util.Locale;

/**
 * How a field's values are masked (脱敏规则) for someone who may not see them in full, decided by the field's data
 * element and personal-information class: identity and certificate numbers keep their first six and last four
 * characters, personal phone numbers their first three and last four, names their first character, birth dates their
 * year, addresses their first six characters, and other sensitive personal information nothing at all.
 */
public final class FieldMask {

    private static final String HIDDEN = "******";

    private FieldMask() {
    }

    /** The value as a viewer without access to the field's personal information sees it. */
    public static String apply(ResourceField f, String value) {
        if (value == null) {
            return null;
        }
        String element = f.dataElement() == null ? "" : f.dataElement();
        return switch (element) {
            case "DE0001", "DE0021", "DE0023", "DE0024" -> Masking.mask(value, Masking.Kind.IDENTIFIER);
            case "DE0006" -> f.personalInformation().isPersonal() ? Masking.mask(value, Masking.Kind.PHONE) : value;
            case "DE0002", "DE0012" -> Masking.mask(value, Masking.Kind.NAME);
            case "DE0004" -> Masking.mask(value, Masking.Kind.DATE);
            case "DE0007" -> Masking.mask(value, Masking.Kind.ADDRESS);
            default -> f.personalInformation().isSensitive() ? HIDDEN
                    : addressLike(f) ? Masking.mask(value, Masking.Kind.ADDRESS) : value;
        };
    }

    /**
     * Like {@link #apply}, but a personal field that no rule masks is hidden entirely — what the exchange returns
     * for a personal field that a consumer was not granted in clear.
     */
    public static String strict(ResourceField f, String value) {
        if (value == null || !f.personalInformation().isPersonal()) {
            return value;
        }
        String masked = apply(f, value);
        return masked.equals(value) ? HIDDEN : masked;
    }

    private static boolean addressLike(ResourceField f) {
        String text = (f.name() + " " + (f.description() == null ? "" : f.description())).toLowerCase(Locale.ROOT);
        return text.contains("住址") || text.contains("居住") || text.contains("家庭地址")
                || text.equals("addr") || text.startsWith("addr ") || text.contains("家庭住址") || text.contains("现住");
    }
}
