package dev.banyan.server.catalog.internal;

import java.util.Comparator;
import java.util.List;

/**
 * One bad cell or row of an imported workbook.
 *
 * @param row    the row number as Excel shows it (1-based)
 * @param column the column letter, or empty when the whole row is at fault
 */
public record ImportProblem(String sheet, int row, String column, String messageCode, Object[] arguments) {

    private static final List<String> SHEETS = List.of("", CatalogWorkbook.RESOURCES, CatalogWorkbook.FIELDS);

    /** As a reader goes through the workbook: the resources sheet, then the fields sheet; row by row, column by column. */
    public static final Comparator<ImportProblem> IN_WORKBOOK_ORDER = Comparator
            .comparingInt((ImportProblem p) -> SHEETS.indexOf(p.sheet()) < 0 ? SHEETS.size() : SHEETS.indexOf(p.sheet()))
            .thenComparingInt(ImportProblem::row)
            .thenComparingInt(p -> p.column().length())
            .thenComparing(ImportProblem::column);

    /** Whether both are about the same cell (a problem of a whole row is about no particular cell). */
    boolean sameCell(ImportProblem other) {
        return !column.isEmpty() && sheet.equals(other.sheet) && row == other.row && column.equals(other.column);
    }
}
