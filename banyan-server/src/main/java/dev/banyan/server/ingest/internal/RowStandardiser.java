package dev.banyan.server.ingest.internal;

import dev.banyan.ledger.CanonicalJson;
import dev.banyan.server.catalog.ResourceField;
import dev.banyan.server.ingest.QuarantineProblem;
import dev.banyan.standards.CitizenIdNumber;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Standardises the rows of one resource (行标准化): every field by its {@link FieldStandard}, then the business key and
 * the checks across fields (birth date and sex against the identity number, division code against the address).
 * Plain Java, not thread-safe (it remembers recent values per field); one instance per batch.
 *
 * <p>A row is <b>rejected</b> (to quarantine) when its business key is missing or when an identifier is invalid.
 * Other invalid values are left empty in the STANDARD row and named in its {@code _flags}; inconsistencies across
 * fields are flagged too.
 */
final class RowStandardiser {

    /** Separates the parts of a composite business key. */
    static final char KEY_SEPARATOR = '\u001F';

    static final String KEY_MISSING = "key.missing";
    static final String KEY_INVALID = "key.invalid";
    static final String BIRTH_DATE_MISMATCH = "consistency.birth-date";
    static final String SEX_MISMATCH = "consistency.sex";
    static final String DIVISION_MISMATCH = "consistency.division";

    private final List<ResourceField> fields;
    private final FieldStandard[] standards;
    private final int[] keys;
    private final int identity;
    private final int birthDate;
    private final int sex;
    private final int division;
    private final int address;
    private final List<FactSlot> factSlots;
    @SuppressWarnings("unchecked")
    private final Map<String, StandardCell>[] memos;

    private static final int MEMO_SIZE = 4096;
    private static final int MEMO_VALUE_LENGTH = 200;

    /** A derived fact of one field, in the order of the STANDARD table's fact columns. */
    record FactSlot(int field, FieldStandard.Fact fact) {
    }

    RowStandardiser(List<ResourceField> fields, FieldStandards rules) {
        this.fields = List.copyOf(fields);
        this.standards = new FieldStandard[fields.size()];
        List<Integer> keyList = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            standards[i] = rules.of(fields.get(i));
            if (fields.get(i).key()) {
                keyList.add(i);
            }
        }
        this.keys = keyList.stream().mapToInt(Integer::intValue).toArray();
        this.memos = new Map[standards.length];
        for (int i = 0; i < standards.length; i++) {
            memos[i] = standards[i].worthRemembering() ? new java.util.HashMap<>(MEMO_SIZE * 2) : null;
        }
        List<FactSlot> slots = new ArrayList<>();
        for (int i = 0; i < standards.length; i++) {
            for (FieldStandard.Fact f : standards[i].facts()) {
                slots.add(new FactSlot(i, f));
            }
        }
        this.factSlots = List.copyOf(slots);
        // Cross-field checks only where they are unambiguous: one field of each element.
        this.identity = only(fields, "DE0001");
        this.birthDate = only(fields, "DE0004");
        this.sex = only(fields, "DE0003");
        this.division = only(fields, "DE0016");
        this.address = only(fields, "DE0007") >= 0 ? only(fields, "DE0007") : only(fields, "DE0018");
    }

    private static int only(List<ResourceField> fields, String element) {
        int found = -1;
        for (int i = 0; i < fields.size(); i++) {
            if (element.equals(fields.get(i).dataElement())) {
                if (found >= 0) {
                    return -1;
                }
                found = i;
            }
        }
        return found;
    }

    List<ResourceField> fields() {
        return fields;
    }

    FieldStandard standard(int field) {
        return standards[field];
    }

    List<FactSlot> factSlots() {
        return factSlots;
    }

    /** Whether the resource has a business key (fields marked as key); without one, a row's key is its content. */
    boolean hasKey() {
        return keys.length > 0;
    }

    /**
     * Standardises one row.
     *
     * @param raw        the raw values in field order (null = absent)
     * @param contentKey the key to use when the resource has no key fields (e.g. the row hash), or null
     */
    StandardRow standardise(String[] raw, String contentKey, QualityTally tally) {
        int n = standards.length;
        StandardCell[] cells = new StandardCell[n];
        List<QuarantineProblem> problems = null;
        boolean rejected = false;
        for (int i = 0; i < n; i++) {
            StandardCell c = standardise(i, raw[i]);
            cells[i] = c;
            if (!c.isValid()) {
                if (problems == null) {
                    problems = new ArrayList<>(2);
                }
                problems.add(new QuarantineProblem(fields.get(i).name(), standards[i].ruleName(), c.problemCode(),
                        raw[i], c.problem(), c.rejects()));
                rejected |= c.rejects();
            }
        }
        String key = contentKey;
        if (keys.length > 0) {
            StringBuilder k = new StringBuilder();
            for (int j = 0; j < keys.length; j++) {
                int i = keys[j];
                if (j > 0) {
                    k.append(KEY_SEPARATOR);
                }
                if (cells[i].text() == null) {
                    if (problems == null) {
                        problems = new ArrayList<>(2);
                    }
                    boolean blank = cells[i].isBlank();
                    problems.add(new QuarantineProblem(fields.get(i).name(), "business-key", blank ? KEY_MISSING : KEY_INVALID,
                            raw[i], blank ? "the business key " + fields.get(i).name() + " is empty; the row cannot be"
                            + " told apart from others" : "the business key " + fields.get(i).name() + " is invalid", true));
                    rejected = true;
                } else {
                    k.append(cells[i].text());
                }
            }
            key = k.toString();
        }
        List<QuarantineProblem> inconsistencies = rejected ? List.of() : consistency(cells, raw);
        if (tally != null) {
            tally.count(cells, rejected, inconsistencies.size(), checksMade(cells));
        }
        if (!inconsistencies.isEmpty()) {
            if (problems == null) {
                problems = new ArrayList<>(inconsistencies);
            } else {
                problems.addAll(inconsistencies);
            }
        }
        if (rejected) {
            return StandardRow.rejected(raw.clone(), problems);
        }
        String[] values = new String[n + factSlots.size()];
        for (int i = 0; i < n; i++) {
            values[i] = cells[i].text();
        }
        for (int j = 0; j < factSlots.size(); j++) {
            FactSlot slot = factSlots.get(j);
            values[n + j] = cells[slot.field()].derived().get(slot.fact().key());
        }
        String flags = null;
        if (problems != null) {
            Map<String, Object> f = new LinkedHashMap<>();
            for (QuarantineProblem p : problems) {
                f.merge(p.field(), p.code(), (a, b) -> a + "," + b);
            }
            flags = CanonicalJson.write(f);
        }
        return new StandardRow(values, key, false, problems == null ? List.of() : problems, flags);
    }

    /**
     * The cell of a value, remembered for the fields whose rules are worth it (a household's address repeats for each
     * of its members) — the rules are pure. The memo is forgotten whenever it fills up, so it stays small.
     */
    private StandardCell standardise(int field, String raw) {
        Map<String, StandardCell> memo = memos[field];
        if (memo == null || raw == null || raw.length() > MEMO_VALUE_LENGTH) {
            return standards[field].standardise(raw);
        }
        StandardCell c = memo.get(raw);
        if (c == null) {
            c = standards[field].standardise(raw);
            if (memo.size() >= MEMO_SIZE) {
                memo.clear();
            }
            memo.put(raw, c);
        }
        return c;
    }

    private int checksMade(StandardCell[] cells) {
        if (identity < 0 || !(cells[identity].typed() instanceof CitizenIdNumber)) {
            return division >= 0 && address >= 0 && cells[division].text() != null && cells[address].text() != null ? 1 : 0;
        }
        int checks = 0;
        if (birthDate >= 0 && cells[birthDate].typed() != null) {
            checks++;
        }
        if (sex >= 0 && cells[sex].typed() != null) {
            checks++;
        }
        if (division >= 0 && address >= 0 && cells[division].text() != null && cells[address].text() != null) {
            checks++;
        }
        return checks;
    }

    private List<QuarantineProblem> consistency(StandardCell[] cells, String[] raw) {
        List<QuarantineProblem> found = List.of();
        if (identity >= 0 && cells[identity].typed() instanceof CitizenIdNumber id) {
            if (birthDate >= 0 && cells[birthDate].typed() instanceof LocalDate d && !d.equals(id.birthDate())) {
                found = add(found, new QuarantineProblem(fields.get(birthDate).name(), "consistency",
                        BIRTH_DATE_MISMATCH, raw[birthDate], "the birth date " + d + " differs from " + id.birthDate()
                        + " in the identity number", false));
            }
            if (sex >= 0 && cells[sex].text() != null
                    && !cells[sex].text().equals(id.sex().code())) {
                found = add(found, new QuarantineProblem(fields.get(sex).name(), "consistency", SEX_MISMATCH,
                        raw[sex], "the sex " + cells[sex].text() + " differs from " + id.sex().code()
                        + " in the identity number", false));
            }
        }
        if (division >= 0 && address >= 0 && cells[division].text() != null && cells[address].text() != null) {
            String fromAddress = cells[address].derived().get("division");
            String code = cells[division].text();
            if (fromAddress != null && !sameArea(code, fromAddress)) {
                found = add(found, new QuarantineProblem(fields.get(division).name(), "consistency", DIVISION_MISMATCH,
                        raw[division], "the division code " + code + " does not contain the address, which lies in "
                        + fromAddress, false));
            }
        }
        return found;
    }

    /** Whether the code and the address's division agree at the code's own level (a city code contains its districts). */
    private static boolean sameArea(String code, String addressDivision) {
        String c = code.endsWith("0000") ? code.substring(0, 2) : code.endsWith("00") ? code.substring(0, 4) : code;
        return addressDivision.startsWith(c);
    }

    private static List<QuarantineProblem> add(List<QuarantineProblem> list, QuarantineProblem p) {
        List<QuarantineProblem> l = list.isEmpty() ? new ArrayList<>(2) : list;
        l.add(p);
        return l;
    }
}
