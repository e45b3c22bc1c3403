package dev.banyan.synthcity.mess;

/**
 * The ways departments write telephone numbers (电话号码格式). Numbers come in as plain digits: 11-digit mobiles or
 * 12-digit Fuzhou landlines starting with 0591.
 */
public enum PhoneStyle {
    /** 13812345678, 059187654321 */
    PLAIN,
    /** 138-1234-5678, 0591-87654321 */
    DASHED,
    /** +86 138 1234 5678, +86 591 8765 4321 */
    INTERNATIONAL,
    /** 138 1234 5678, 0591 87654321 */
    SPACED,
    /** 13812345678, 87654321 — landlines without the area code, as people write them locally */
    LOCAL;

    public String format(String digits) {
        if (digits.isEmpty()) {
            return digits;
        }
        boolean landline = digits.charAt(0) == '0';
        if (landline) {
            String area = digits.substring(0, 4);
            String number = digits.substring(4);
            return switch (this) {
                case PLAIN -> digits;
                case DASHED -> area + "-" + number;
                case INTERNATIONAL -> "+86 " + area.substring(1) + " " + number.substring(0, 4) + " " + number.substring(4);
                case SPACED -> area + " " + number;
                case LOCAL -> number;
            };
        }
        return switch (this) {
            case PLAIN, LOCAL -> digits;
            case DASHED -> digits.substring(0, 3) + "-" + digits.substring(3, 7) + "-" + digits.substring(7);
            case INTERNATIONAL -> "+86 " + digits.substring(0, 3) + " " + digits.substring(3, 7) + " " + digits.substring(7);
            case SPACED -> digits.substring(0, 3) + " " + digits.substring(3, 7) + " " + digits.substring(7);
        };
    }
}
