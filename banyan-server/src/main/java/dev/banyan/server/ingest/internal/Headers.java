package dev.banyan.server.ingest.internal;

import dev.banyan.server.ingest.RowProblem;
import dev.banyan.server.ingest.SourceErrorCode;
import dev.banyan.server.ingest.SourceException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Header names: blanks and duplicates renamed (and reported), and the check against the expected columns. */
final class Headers {

    private Headers() {
    }

    /**
     * Usable column names from raw header cells: a blank name becomes {@code column_N} (N = 1-based position), a
     * repeated name gets {@code _2}, {@code _3} …; each renaming is added to {@code problems}. Names are otherwise
     * kept exactly (not trimmed).
     */
    static List<String> normalise(List<String> raw, String where, List<RowProblem> problems) {
        List<String> names = new ArrayList<>(raw.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String r = raw.get(i);
            String name = r == null || r.isBlank() ? "column_" + (i + 1) : r;
            if (!name.equals(r)) {
                problems.add(new RowProblem(0, where, name, SourceErrorCode.HEADER_RENAMED, RowProblem.Severity.WARNING,
                        "column " + (i + 1) + " has no name; called it " + name, r));
            }
            if (!seen.add(name)) {
                String base = name;
                int k = 2;
                while (!seen.add(base + "_" + k)) {
                    k++;
                }
                name = base + "_" + k;
                problems.add(new RowProblem(0, where, name, SourceErrorCode.HEADER_RENAMED, RowProblem.Severity.WARNING,
                        "column " + (i + 1) + " repeats the name " + base + "; called it " + name, base));
            }
            names.add(name);
        }
        return names;
    }

    /** Column names for a source without a header: {@code column_1} … */
    static List<String> generated(int n) {
        List<String> names = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            names.add("column_" + i);
        }
        return names;
    }

    /**
     * Throws {@link SourceErrorCode#HEADER_MISMATCH} unless the columns are exactly the expected ones (order free;
     * surrounding spaces in the source's names tolerated in the comparison only).
     */
    static void check(List<String> columns, List<String> expected, String source, String where) {
        if (expected.isEmpty()) {
            return;
        }
        Set<String> have = new LinkedHashSet<>();
        for (String c : columns) {
            have.add(c.strip());
        }
        Set<String> want = new LinkedHashSet<>();
        for (String e : expected) {
            want.add(e.strip());
        }
        List<String> missing = new ArrayList<>();
        for (String w : want) {
            if (!have.contains(w)) {
                missing.add(w);
            }
        }
        List<String> unexpected = new ArrayList<>();
        for (String h : have) {
            if (!want.contains(h)) {
                unexpected.add(h);
            }
        }
        if (missing.isEmpty() && unexpected.isEmpty()) {
            return;
        }
        StringBuilder detail = new StringBuilder("the header does not match the expected columns:");
        if (!missing.isEmpty()) {
            detail.append(" missing ").append(missing).append(';');
        }
        if (!unexpected.isEmpty()) {
            detail.append(" unexpected ").append(unexpected).append(';');
        }
        detail.append(" found ").append(columns);
        throw new SourceException(SourceErrorCode.HEADER_MISMATCH, source, where, detail.toString(),
                "correct the header row of the source, or change the expected columns (the field mapping) to match; "
                        + "if the names are on another row, set header_row.");
    }
}
