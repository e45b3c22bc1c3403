package dev.banyan.server.catalog.internal;

/**
 * One bad cell or row of an imported workbook.
 *
 * @param row    the row number as Excel shows it (1-based)
 * @param column the column letter, or empty when the whole row is at fault
 */
public record ImportProblem(String sheet, int row, String column, String messageCode, Object[] arguments) {
}
