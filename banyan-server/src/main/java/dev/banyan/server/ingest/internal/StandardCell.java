package dev.banyan.server.ingest.internal;

import java.util.Map;

/**
 * What a {@link FieldStandard} made of one raw value: the value in its standard text form (as the STANDARD column
 * receives it), the typed value for cross-field checks, and — when the raw value was wrong — the problem.
 *
 * @param text        the standard form ({@code 2024-01-02}, an 18-digit identity number …), or null (blank or invalid)
 * @param typed       the parsed value ({@code LocalDate}, {@code CitizenIdNumber} …), or null
 * @param problemCode the stable problem code ({@code date.impossible}), or null if the value is fine or blank
 * @param problem     what is wrong, in English, or null
 * @param rejects     whether the problem sends the whole row to quarantine (identifiers, keys) rather than only
 *                    leaving this field empty and flagged
 * @param changed     whether the standard form differs from the raw value in substance (not just surrounding space)
 * @param derived     what the value tells beyond itself, e.g. the birth date and sex in an identity number; may be empty
 */
record StandardCell(String text, Object typed, String problemCode, String problem, boolean rejects, boolean changed,
                    Map<String, String> derived) {

    static final StandardCell BLANK = new StandardCell(null, null, null, null, false, false, Map.of());

    static StandardCell valid(String text, Object typed, boolean changed) {
        return new StandardCell(text, typed, null, null, false, changed, Map.of());
    }

    static StandardCell valid(String text, Object typed, boolean changed, Map<String, String> derived) {
        return new StandardCell(text, typed, null, null, false, changed, derived);
    }

    static StandardCell invalid(String code, String problem, boolean rejects) {
        return new StandardCell(null, null, code, problem, rejects, false, Map.of());
    }

    boolean isBlank() {
        return text == null && problemCode == null;
    }

    boolean isValid() {
        return problemCode == null;
    }
}
