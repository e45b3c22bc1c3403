package dev.banyan.synthcity.output;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Excel workbooks (.xlsx 工作簿) written with POI's streaming SXSSF API so that a million rows need little memory. Date
 * columns become real date cells when the value is an ISO date and stay text when a clerk typed something else, as
 * in real spreadsheets; a sheet is continued on a new one before Excel's row limit.
 */
final class WorkbookTableWriter implements TableWriter {

    private static final int ROWS_PER_SHEET = 1_000_000;
    /** A fixed document date keeps the workbook byte-identical across runs. */
    private static final Date DOCUMENT_DATE = Date.from(
            dev.banyan.synthcity.people.Snapshot.DATE.atStartOfDay().toInstant(ZoneOffset.ofHours(8)));

    private final Path file;
    private final DatasetSpec spec;
    private final SXSSFWorkbook workbook;
    private final CellStyle dateStyle;
    private final CellStyle headerStyle;
    private final ColumnType[] types;
    private SXSSFSheet sheet;
    private int sheetNumber;
    private int rowInSheet;

    WorkbookTableWriter(Path file, DatasetSpec spec) {
        this.file = file;
        this.spec = spec;
        workbook = new SXSSFWorkbook(200);
        workbook.setCompressTempFiles(true);
        var properties = workbook.getXSSFWorkbook().getProperties().getCoreProperties();
        properties.setCreator("banyan-synthcity");
        properties.setCreated(Optional.of(DOCUMENT_DATE));
        properties.setModified(Optional.of(DOCUMENT_DATE));
        dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
        headerStyle = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        headerStyle.setFont(bold);
        List<Column> columns = spec.columns();
        types = new ColumnType[columns.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = columns.get(i).type();
        }
        newSheet();
    }

    private void newSheet() {
        sheetNumber++;
        sheet = workbook.createSheet(sheetNumber == 1 ? spec.titleZh() : spec.titleZh() + "(" + sheetNumber + ")");
        Row header = sheet.createRow(0);
        List<Column> columns = spec.columns();
        for (int i = 0; i < columns.size(); i++) {
            Cell c = header.createCell(i);
            c.setCellValue(columns.get(i).name());
            c.setCellStyle(headerStyle);
        }
        rowInSheet = 1;
    }

    @Override
    public void write(String[] values) {
        if (rowInSheet > ROWS_PER_SHEET) {
            newSheet();
        }
        Row row = sheet.createRow(rowInSheet++);
        for (int i = 0; i < values.length; i++) {
            String v = values[i];
            if (v == null || v.isEmpty()) {
                continue;
            }
            Cell c = row.createCell(i);
            switch (types[i]) {
                case DATE -> {
                    if (isIsoDate(v)) {
                        c.setCellValue(LocalDate.parse(v));
                        c.setCellStyle(dateStyle);
                    } else {
                        c.setCellValue(v);
                    }
                }
                case INTEGER, DECIMAL -> {
                    if (isNumber(v)) {
                        c.setCellValue(Double.parseDouble(v));
                    } else {
                        c.setCellValue(v);
                    }
                }
                default -> c.setCellValue(v);
            }
        }
    }

    private static boolean isIsoDate(String v) {
        return v.length() == 10 && v.charAt(4) == '-' && v.charAt(7) == '-';
    }

    private static boolean isNumber(String v) {
        if (v.length() > 15) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.' && !(c == '-' && i == 0)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        } finally {
            workbook.close();
        }
        StableZip.normalise(file);
    }
}
