package dev.banyan.server.ingest.internal;

import dev.banyan.standards.FullWidth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which source column feeds which catalog field: by exact name first, then by normalised name (trimmed, full-width
 * characters made half-width, case-insensitive). Each column feeds at most one field and each field takes at most one
 * column.
 *
 * @param sourceIndex     for each field (catalog order), the index of its source column, or -1
 * @param unmappedColumns source columns that feed no field (not landed; reported)
 * @param unmatchedFields fields with no source column (landed as null; reported)
 */
public record ColumnMapping(int[] sourceIndex, List<String> unmappedColumns, List<String> unmatchedFields) {

    public static ColumnMapping of(List<String> columns, List<String> fields) {
        int[] index = new int[fields.size()];
        Arrays.fill(index, -1);
        boolean[] used = new boolean[columns.size()];
        for (int f = 0; f < fields.size(); f++) {
            for (int c = 0; c < columns.size(); c++) {
                if (!used[c] && fields.get(f).equals(columns.get(c))) {
                    index[f] = c;
                    used[c] = true;
                    break;
                }
            }
        }
        for (int f = 0; f < fields.size(); f++) {
            if (index[f] >= 0) {
                continue;
            }
            String field = normalise(fields.get(f));
            for (int c = 0; c < columns.size(); c++) {
                if (!used[c] && columns.get(c) != null && field.equals(normalise(columns.get(c)))) {
                    index[f] = c;
                    used[c] = true;
                    break;
                }
            }
        }
        List<String> unmapped = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            if (!used[c]) {
                unmapped.add(columns.get(c));
            }
        }
        List<String> unmatched = new ArrayList<>();
        for (int f = 0; f < fields.size(); f++) {
            if (index[f] < 0) {
                unmatched.add(fields.get(f));
            }
        }
        return new ColumnMapping(index, List.copyOf(unmapped), List.copyOf(unmatched));
    }

    /**
     * The mapping a person confirmed: each field named in {@code fieldToColumn} takes that source column, the other
     * fields none.
     *
     * @throws IllegalArgumentException naming the columns the mapping expects but the source lacks
     */
    public static ColumnMapping confirmed(List<String> columns, List<String> fields, java.util.Map<String, String> fieldToColumn) {
        int[] index = new int[fields.size()];
        Arrays.fill(index, -1);
        List<String> missing = new ArrayList<>();
        boolean[] used = new boolean[columns.size()];
        for (int f = 0; f < fields.size(); f++) {
            String column = fieldToColumn.get(fields.get(f));
            if (column == null) {
                continue;
            }
            int c = columns.indexOf(column);
            if (c < 0) {
                missing.add(column);
            } else {
                index[f] = c;
                used[c] = true;
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the source has no column " + missing + " that the job's field mapping"
                    + " names; its columns are " + columns + ". Confirm the mapping again for the new layout.");
        }
        List<String> unmapped = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            if (!used[c]) {
                unmapped.add(columns.get(c));
            }
        }
        List<String> unmatched = new ArrayList<>();
        for (int f = 0; f < fields.size(); f++) {
            if (index[f] < 0) {
                unmatched.add(fields.get(f));
            }
        }
        return new ColumnMapping(index, List.copyOf(unmapped), List.copyOf(unmatched));
    }

    /** The source indices of the columns no field takes, in source order. */
    public int[] unmappedIndex() {
        // Every source column either feeds one field or is listed as unmapped.
        int columns = unmappedColumns.size() + (int) Arrays.stream(sourceIndex).filter(i -> i >= 0).count();
        boolean[] used = new boolean[columns];
        for (int i : sourceIndex) {
            if (i >= 0) {
                used[i] = true;
            }
        }
        return java.util.stream.IntStream.range(0, columns).filter(c -> !used[c]).toArray();
    }

    /** Whether not a single field has a column. */
    public boolean nothingMaps() {
        return Arrays.stream(sourceIndex).allMatch(i -> i < 0);
    }

    static String normalise(String name) {
        return FullWidth.toHalfWidth(name).strip().toLowerCase(Locale.ROOT);
    }
}
