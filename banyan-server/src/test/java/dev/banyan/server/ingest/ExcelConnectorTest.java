package dev.banyan.server.ingest;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static dev.banyan.server.ingest.TestFiles.list;
import static dev.banyan.server.ingest.TestFiles.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExcelConnectorTest {

    @TempDir
    Path dir;

    /** A pupils sheet with a title row, a date, a formula and a merged cell, as schools hand them in. */
    private Path workbook(Workbook wb, String name) throws Exception {
        CellStyle date = wb.createCellStyle();
        date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
        CellStyle dateTime = wb.createCellStyle();
        dateTime.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
        wb.createSheet("说明").createRow(0).createCell(0).setCellValue("本表由学校填报");
        Sheet s = wb.createSheet("学生名册");
        s.createRow(0).createCell(0).setCellValue("榕城市中小学生名册");
        s.addMergedRegion(new CellRangeAddress(0, 0, 0, 4));
        Row h = s.createRow(1);
        String[] header = {"学籍号", "姓名", "入学日期", "学分", "双倍学分", "在校"};
        for (int i = 0; i < header.length; i++) {
            h.createCell(i).setCellValue(header[i]);
        }
        Row r1 = s.createRow(2);
        r1.createCell(0).setCellValue("G350102201509010011");
        r1.createCell(1).setCellValue("张三");
        r1.createCell(2).setCellValue(LocalDate.of(2015, 9, 1));
        r1.getCell(2).setCellStyle(date);
        r1.createCell(3).setCellValue(12.5);
        r1.createCell(4).setCellFormula("D3*2");
        r1.createCell(5).setCellValue(true);
        Row r2 = s.createRow(3);
        r2.createCell(0).setCellValue("G350102201509010012");
        r2.createCell(1).setCellValue("李四");
        r2.createCell(2).setCellValue(LocalDateTime.of(2016, 3, 1, 8, 30));
        r2.getCell(2).setCellStyle(dateTime);
        r2.createCell(3).setCellValue(13680);
        r2.createCell(4).setCellFormula("D4*2");
        // a blank row, then a row whose class cell (B) is merged down over the next row
        Row r3 = s.createRow(5);
        r3.createCell(0).setCellValue("G350102201509010013");
        r3.createCell(1).setCellValue("王五");
        s.createRow(6).createCell(0).setCellValue("G350102201509010014");
        s.addMergedRegion(new CellRangeAddress(5, 6, 1, 1));
        // a value right of the last named column
        s.getRow(6).createCell(7).setCellValue("stray");
        wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
        wb.close();
        return file;
    }

    @Test
    void xlsxIsStreamedWithFormulasDatesAndMergedCellsReported() throws Exception {
        check(workbook(new XSSFWorkbook(), "pupils.xlsx"), "xlsx");
    }

    @Test
    void xlsIsReadTheSameWay() throws Exception {
        check(workbook(new HSSFWorkbook(), "pupils.xls"), "xls");
    }

    private void check(Path file, String type) throws Exception {
        TestFiles.Read read = readAll(SourceSpec.builder(type, file.toString()).sheet("学生名册").headerRow(2).build());
        assertThat(read.columns()).containsExactly("学籍号", "姓名", "入学日期", "学分", "双倍学分", "在校");
        assertThat(read.rows()).hasSize(4);
        assertThat(read.values().get(0)).containsExactly("G350102201509010011", "张三", "2015-09-01", "12.5", "25", "TRUE");
        assertThat(read.values().get(1)).containsExactly("G350102201509010012", "李四", "2016-03-01T08:30:00", "13680",
                "27360", null);
        assertThat(read.values().get(2)).containsExactly("G350102201509010013", "王五", null, null, null, null);

        SourceRow first = read.rows().get(0);
        assertThat(first.hasErrors()).isFalse();
        assertThat(first.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(SourceErrorCode.FORMULA_CELL);
            assertThat(p.severity()).isEqualTo(RowProblem.Severity.WARNING);
            assertThat(p.where()).isEqualTo("sheet 学生名册, cell E3");
            assertThat(p.column()).isEqualTo("双倍学分");
            assertThat(p.value()).isEqualTo("=D3*2");
        });
        SourceRow last = read.rows().get(3);
        assertThat(last.values()).containsExactly("G350102201509010014", null, null, null, null, null, null, "stray");
        assertThat(last.problems()).extracting(RowProblem::code).contains(SourceErrorCode.RAGGED_ROW);
        assertThat(last.hasErrors()).isTrue();

        assertThat(read.problems()).filteredOn(p -> p.code() == SourceErrorCode.MERGED_CELLS)
                .extracting(RowProblem::value).contains("B6:B7", "A1:E1");
        assertThat(read.fingerprint().sha256()).isEqualTo(SourceFingerprint.ofFile(file).sha256());
        assertThat(read.fingerprint().rows()).isEqualTo(4);
    }

    @Test
    void theFirstSheetIsReadByDefaultAndAnUnknownSheetListsTheSheets() throws Exception {
        Path file = workbook(new XSSFWorkbook(), "p.xlsx");
        TestFiles.Read first = readAll("xlsx", file);
        assertThat(first.columns()).containsExactly("本表由学校填报");
        assertThat(first.rows()).isEmpty();
        assertThatThrownBy(() -> readAll(SourceSpec.builder("xlsx", file.toString()).sheet("Sheet9").build()))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.code()).isEqualTo(SourceErrorCode.BAD_OPTION))
                .hasMessageContaining("no sheet named 'Sheet9'").hasMessageContaining("[说明, 学生名册]");
    }

    @Test
    void headerMismatchInASheet() throws Exception {
        Path file = workbook(new XSSFWorkbook(), "m.xlsx");
        SourceSpec spec = SourceSpec.builder("xlsx", file.toString()).sheet("学生名册").headerRow(2)
                .expectedColumns(List.of("学籍号", "姓名", "性别")).build();
        assertThatThrownBy(() -> TestFiles.CONNECTORS.open(spec))
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.code()).isEqualTo(SourceErrorCode.HEADER_MISMATCH);
                    assertThat(e.where()).isEqualTo("sheet 学生名册, row 2");
                })
                .hasMessageContaining("missing [性别]");
    }

    @Test
    void aFormulaErrorIsARowError() throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet s = wb.createSheet("s");
        s.createRow(0).createCell(0).setCellValue("x");
        s.createRow(1).createCell(0).setCellFormula("1/0");
        wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        Path file = dir.resolve("e.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
        wb.close();
        TestFiles.Read read = readAll("xlsx", file);
        assertThat(read.values()).containsExactly(list("#DIV/0!"));
        assertThat(read.rows().get(0).problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(SourceErrorCode.CELL_ERROR);
            assertThat(p.isError()).isTrue();
        });
    }

    @Test
    void notAWorkbookIsMalformed() throws Exception {
        Path fake = Files.writeString(dir.resolve("fake.xlsx"), "id,name\n1,a\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> readAll("xlsx", fake))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.code()).isEqualTo(SourceErrorCode.MALFORMED))
                .hasMessageContaining("save it as .xlsx");
        assertThatThrownBy(() -> readAll("xls", fake))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.code()).isEqualTo(SourceErrorCode.MALFORMED));
        Path xlsx = workbook(new XSSFWorkbook(), "real.xlsx");
        assertThatThrownBy(() -> readAll("xls", xlsx)).hasMessageContaining("read it with type xlsx");
    }
}
