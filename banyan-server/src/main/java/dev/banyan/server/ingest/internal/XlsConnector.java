package dev.banyan.server.ingest.internal;

import dev.banyan.server.ingest.RowProblem;
import dev.banyan.server.ingest.SourceConnector;
import dev.banyan.server.ingest.SourceErrorCode;
import dev.banyan.server.ingest.SourceException;
import dev.banyan.server.ingest.SourceFingerprint;
import dev.banyan.server.ingest.SourceOption;
import dev.banyan.server.ingest.SourceReader;
import dev.banyan.server.ingest.SourceSpec;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.OfficeXmlFileException;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Old Excel 97–2003 workbooks (.xls). Read with POI's HSSF user model: the format itself caps a sheet at 65,536 rows
 * and 256 columns, so the whole workbook in memory stays small (tens of MB at most) and no streaming is needed. Cell
 * text, formulas and merged cells as for {@link XlsxConnector}, except that merged regions are known up front and so
 * also come with each row they cover.
 */
public final class XlsConnector implements SourceConnector {

    private static final Set<SourceOption> OPTIONS = EnumSet.of(SourceOption.SHEET, SourceOption.HEADER_ROW,
            SourceOption.EXPECTED_COLUMNS);

    @Override
    public String type() {
        return "xls";
    }

    @Override
    public Set<SourceOption> options() {
        return OPTIONS;
    }

    @Override
    public SourceReader open(SourceSpec spec) {
        Path path = SourceFile.readableFile(spec.location());
        SourceFingerprint bytes;
        HSSFWorkbook workbook;
        try {
            bytes = SourceFingerprint.ofFile(path);
            POIFSFileSystem fs = new POIFSFileSystem(path.toFile(), true);
            try {
                workbook = new HSSFWorkbook(fs.getRoot(), true);
            } catch (RuntimeException | IOException e) {
                fs.close();
                throw e;
            }
        } catch (OfficeXmlFileException e) {
            throw new SourceException(SourceErrorCode.MALFORMED, spec.location(), null,
                    "the file is an .xlsx workbook, not .xls", "read it with type xlsx.", e);
        } catch (OldExcelFormatException e) {
            throw new SourceException(SourceErrorCode.MALFORMED, spec.location(), null,
                    "the workbook is in an Excel format older than 97 (BIFF5 or earlier)",
                    "open it in Excel or WPS and save it as .xlsx.", e);
        } catch (IOException | RuntimeException e) {
            throw new SourceException(SourceErrorCode.MALFORMED, spec.location(), null,
                    "not an Excel .xls workbook: " + e.getMessage(),
                    "open it in Excel or WPS and save it as .xlsx (type xlsx), or check the file type.", e);
        }
        return AbstractSourceReader.started(new XlsReader(spec, bytes, workbook), r -> r.start());
    }

    private static final class XlsReader extends AbstractSourceReader {

        private final SourceSpec spec;
        private final SourceFingerprint bytes;
        private final HSSFWorkbook workbook;
        private Sheet sheet;
        private int nextIndex;
        private int width;
        private final Map<Integer, List<String>> mergedByRow = new HashMap<>();
        private boolean date1904;

        XlsReader(SourceSpec spec, SourceFingerprint bytes, HSSFWorkbook workbook) {
            super(spec.location());
            this.spec = spec;
            this.bytes = bytes;
            this.workbook = workbook;
        }

        void start() {
            String wanted = spec.options().sheet();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
                String name = workbook.getSheetName(i);
                names.add(name);
                if (sheet == null && (wanted == null || wanted.strip().equals(name.strip()))) {
                    sheet = workbook.getSheetAt(i);
                }
            }
            if (sheet == null) {
                throw new SourceException(SourceErrorCode.BAD_OPTION, source, null,
                        names.isEmpty() ? "the workbook has no sheets" : "there is no sheet named '" + wanted + "'",
                        names.isEmpty() ? null : "give one of the sheets " + names + " as the sheet option.");
            }
            date1904 = workbook.getInternalWorkbook().isUsing1904DateWindowing();
            for (CellRangeAddress region : sheet.getMergedRegions()) {
                String ref = region.formatAsString();
                problem(new RowProblem(0, "sheet " + sheet.getSheetName() + ", cells " + ref, null,
                        SourceErrorCode.MERGED_CELLS, RowProblem.Severity.WARNING, "cells " + ref
                        + " are merged: only the top-left cell holds the value, the others are read as empty", ref));
                for (int r = region.getFirstRow(); r <= region.getLastRow(); r++) {
                    mergedByRow.computeIfAbsent(r, k -> new ArrayList<>()).add(ref);
                }
            }
            int headerRow = spec.options().headerRow();
            nextIndex = Math.max(0, headerRow - 1);
            if (headerRow == 0) {
                width = -1;
                columns(List.of());
                return;
            }
            org.apache.poi.ss.usermodel.Row header = sheet.getRow(headerRow - 1);
            List<String> raw = new ArrayList<>();
            List<RowProblem> cellProblems = new ArrayList<>();
            if (header != null) {
                for (int c = 0; c < header.getLastCellNum(); c++) {
                    raw.add(text(header.getCell(c), cellProblems));
                }
            }
            while (!raw.isEmpty() && (raw.getLast() == null || raw.getLast().isBlank())) {
                raw.removeLast();
            }
            if (raw.isEmpty()) {
                throw new SourceException(SourceErrorCode.EMPTY_SOURCE, source, "sheet " + sheet.getSheetName(),
                        "row " + headerRow + " of the sheet is empty, so there is no header",
                        "put the column names in row " + headerRow + ", or set header_row to their row.");
            }
            String where = "sheet " + sheet.getSheetName() + ", row " + headerRow;
            List<RowProblem> renamed = new ArrayList<>();
            columns(Headers.normalise(raw, where, renamed));
            renamed.forEach(this::problem);
            width = columns().size();
            nextIndex = headerRow;
            Headers.check(columns(), spec.options().expectedColumns(), source, where);
        }

        private String text(Cell cell, List<RowProblem> problems) {
            if (cell == null) {
                return null;
            }
            String where = "sheet " + sheet.getSheetName() + ", cell " + cell.getAddress().formatAsString();
            CellType type = cell.getCellType();
            boolean formula = type == CellType.FORMULA;
            if (formula) {
                type = cell.getCachedFormulaResultType();
            }
            String value = switch (type) {
                case STRING -> cell.getStringCellValue();
                case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                        ? CellText.date(cell.getNumericCellValue(), date1904) : CellText.number(cell.getNumericCellValue());
                case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
                case ERROR -> {
                    String e = FormulaError.forInt(cell.getErrorCellValue()).getString();
                    problems.add(new RowProblem(-1, where, null, SourceErrorCode.CELL_ERROR, RowProblem.Severity.ERROR,
                            "the cell holds the Excel error " + e, e));
                    yield e;
                }
                default -> null;
            };
            if (formula && type != CellType.ERROR) {
                problems.add(new RowProblem(-1, where, null, SourceErrorCode.FORMULA_CELL, RowProblem.Severity.WARNING,
                        "the cell is a formula (=" + cell.getCellFormula() + "); its saved result " + value
                                + " was taken", "=" + cell.getCellFormula()));
            }
            return value;
        }

        @Override
        protected Row read() {
            while (nextIndex <= sheet.getLastRowNum()) {
                org.apache.poi.ss.usermodel.Row row = sheet.getRow(nextIndex++);
                if (row == null) {
                    continue;
                }
                List<RowProblem> cellProblems = new ArrayList<>(0);
                List<String> values = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    values.add(text(row.getCell(c), cellProblems));
                }
                if (values.stream().allMatch(v -> v == null || v.isEmpty())) {
                    continue;
                }
                long rowNumber = nextRowNumber();
                if (width < 0) {
                    width = values.size();
                    columns(Headers.generated(width));
                    Headers.check(columns(), spec.options().expectedColumns(), source, "sheet " + sheet.getSheetName());
                }
                List<RowProblem> problems = new ArrayList<>();
                for (RowProblem p : cellProblems) {
                    int col = CellText.columnIndex(p.where().substring(p.where().lastIndexOf(' ') + 1));
                    problems.add(new RowProblem(rowNumber, p.where(), col >= 0 && col < width ? columns().get(col) : null,
                            p.code(), p.severity(), p.message(), p.value()));
                }
                for (String ref : mergedByRow.getOrDefault(row.getRowNum(), List.of())) {
                    problems.add(new RowProblem(rowNumber, "sheet " + sheet.getSheetName() + ", cells " + ref, null,
                            SourceErrorCode.MERGED_CELLS, RowProblem.Severity.WARNING,
                            "the row is part of merged cells " + ref + "; only the top-left cell holds the value", ref));
                }
                int last = values.size() - 1;
                while (last >= width && (values.get(last) == null || values.get(last).isEmpty())) {
                    last--;
                }
                if (last >= width) {
                    problems.add(new RowProblem(rowNumber, "sheet " + sheet.getSheetName() + ", row " + (row.getRowNum() + 1),
                            null, SourceErrorCode.RAGGED_ROW, RowProblem.Severity.ERROR,
                            "cells right of the last named column hold values; they are kept after the last column",
                            String.join(",", values.subList(width, last + 1).stream().map(String::valueOf).toList())));
                    values = new ArrayList<>(values.subList(0, last + 1));
                } else {
                    while (values.size() < width) {
                        values.add(null);
                    }
                    values = new ArrayList<>(values.subList(0, width));
                }
                return new Row(values, problems);
            }
            return null;
        }

        @Override
        protected SourceFingerprint finish(long rows) {
            return new SourceFingerprint(bytes.kind(), bytes.sha256(), bytes.bytes(), rows);
        }

        @Override
        public String description() {
            return "XLS, sheet " + sheet.getSheetName();
        }

        @Override
        protected void release() {
            try {
                workbook.close();
            } catch (IOException e) {
                // read-only
            }
        }
    }
}
