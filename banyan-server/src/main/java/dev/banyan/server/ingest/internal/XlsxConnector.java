package dev.banyan.server.ingest.internal;

import dev.banyan.server.ingest.RowProblem;
import dev.banyan.server.ingest.SourceConnector;
import dev.banyan.server.ingest.SourceErrorCode;
import dev.banyan.server.ingest.SourceException;
import dev.banyan.server.ingest.SourceFingerprint;
import dev.banyan.server.ingest.SourceOption;
import dev.banyan.server.ingest.SourceReader;
import dev.banyan.server.ingest.SourceSpec;
import org.apache.poi.openxml4j.exceptions.InvalidOperationException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Excel 2007+ workbooks (.xlsx 工作簿), streamed: POI's event API ({@link XSSFReader}) gives the sheet's XML, which is
 * pulled with StAX one row at a time — the DOM model is never built, so a million-row sheet needs little memory (the
 * shared-strings table, which holds each distinct text once, is the only part kept whole).
 *
 * <p>Text cells give their text; numbers plain decimal text; cells with a date format ISO dates; booleans
 * {@code TRUE}/{@code FALSE}. A formula gives its cached value with a {@link SourceErrorCode#FORMULA_CELL} warning
 * (an error value or a missing cache is a {@link SourceErrorCode#CELL_ERROR} error). Merged regions are reported as
 * {@link SourceErrorCode#MERGED_CELLS} source problems once the sheet is read (they are stored after the rows);
 * only their top-left cell has a value. Blank rows are skipped. {@code header_row} is the sheet's row number.
 */
public final class XlsxConnector implements SourceConnector {

    private static final Set<SourceOption> OPTIONS = EnumSet.of(SourceOption.SHEET, SourceOption.HEADER_ROW,
            SourceOption.EXPECTED_COLUMNS);

    @Override
    public String type() {
        return "xlsx";
    }

    @Override
    public Set<SourceOption> options() {
        return OPTIONS;
    }

    @Override
    public SourceReader open(SourceSpec spec) {
        Path path = SourceFile.readableFile(spec.location());
        SourceFingerprint bytes;
        try {
            bytes = SourceFingerprint.ofFile(path);
        } catch (IOException e) {
            throw new SourceException(SourceErrorCode.NOT_READABLE, spec.location(), null, "cannot read: " + e.getMessage(),
                    null, e);
        }
        return AbstractSourceReader.started(new XlsxReader(spec, bytes), r -> r.start(path));
    }

    private static final class XlsxReader extends AbstractSourceReader {

        private final SourceSpec spec;
        private final SourceFingerprint bytes;
        private OPCPackage pkg;
        private InputStream sheetStream;
        private XMLStreamReader xml;
        private ReadOnlySharedStringsTable strings;
        private StylesTable styles;
        private final Map<Integer, Boolean> dateStyles = new HashMap<>();
        private boolean date1904;
        private String sheetName;
        private int width;
        private boolean rowsDone;

        XlsxReader(SourceSpec spec, SourceFingerprint bytes) {
            super(spec.location());
            this.spec = spec;
            this.bytes = bytes;
        }

        void start(Path path) {
            try {
                pkg = OPCPackage.open(path.toFile(), PackageAccess.READ);
                XSSFReader reader = new XSSFReader(pkg);
                strings = new ReadOnlySharedStringsTable(pkg, false);
                styles = reader.getStylesTable();
                date1904 = date1904(reader);
                XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
                List<String> names = new ArrayList<>();
                String wanted = spec.options().sheet();
                while (sheets.hasNext()) {
                    InputStream s = sheets.next();
                    String name = sheets.getSheetName();
                    names.add(name);
                    if (sheetStream == null && (wanted == null || wanted.equals(name) || wanted.strip().equals(name.strip()))) {
                        sheetStream = s;
                        sheetName = name;
                    } else {
                        s.close();
                    }
                }
                if (sheetStream == null) {
                    throw new SourceException(SourceErrorCode.BAD_OPTION, source, null,
                            names.isEmpty() ? "the workbook has no sheets" : "there is no sheet named '" + wanted + "'",
                            names.isEmpty() ? null : "give one of the sheets " + names + " as the sheet option.");
                }
                XMLInputFactory factory = XMLInputFactory.newFactory();
                factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
                factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
                xml = factory.createXMLStreamReader(sheetStream);
            } catch (NotOfficeXmlFileException | InvalidOperationException | org.apache.poi.openxml4j.exceptions.OpenXML4JException e) {
                throw new SourceException(SourceErrorCode.MALFORMED, source, null,
                        "not an Excel .xlsx workbook: " + e.getMessage(),
                        "open it in Excel or WPS and save it as .xlsx (for an old .xls file use type xls).", e);
            } catch (IOException | XMLStreamException | org.xml.sax.SAXException e) {
                throw new SourceException(SourceErrorCode.MALFORMED, source, null,
                        "the workbook cannot be read: " + e.getMessage(),
                        "open it in Excel or WPS and save it again as .xlsx.", e);
            }
            int headerRow = spec.options().headerRow();
            if (headerRow == 0) {
                columns(List.of());
                width = -1; // fixed by the first row
                return;
            }
            RawRow header;
            do {
                header = nextRawRow();
            } while (header != null && header.excelRow < headerRow);
            if (header == null || header.excelRow != headerRow) {
                throw new SourceException(SourceErrorCode.EMPTY_SOURCE, source, "sheet " + sheetName,
                        header == null && headerRow == 1 ? "the sheet is empty: there is no header row"
                                : "row " + headerRow + " of the sheet is empty, so there is no header",
                        headerRow == 1 ? "put the column names in the first row, or set header_row to their row."
                                : "check header_row (it is " + headerRow + ").");
            }
            List<String> raw = new ArrayList<>(header.values);
            while (!raw.isEmpty() && (raw.getLast() == null || raw.getLast().isBlank())) {
                raw.removeLast();
            }
            String where = "sheet " + sheetName + ", row " + headerRow;
            header.problems.forEach(this::problem);
            List<RowProblem> renamed = new ArrayList<>();
            columns(Headers.normalise(raw, where, renamed));
            renamed.forEach(this::problem);
            width = columns().size();
            Headers.check(columns(), spec.options().expectedColumns(), source, where);
        }

        private static boolean date1904(XSSFReader reader) {
            try (InputStream in = reader.getWorkbookData()) {
                XMLInputFactory factory = XMLInputFactory.newFactory();
                factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
                factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
                XMLStreamReader x = factory.createXMLStreamReader(in);
                while (x.hasNext()) {
                    if (x.next() == XMLStreamConstants.START_ELEMENT) {
                        String local = x.getLocalName();
                        if (local.equals("workbookPr")) {
                            String v = x.getAttributeValue(null, "date1904");
                            return "1".equals(v) || "true".equalsIgnoreCase(v);
                        }
                        if (local.equals("sheets")) {
                            return false;
                        }
                    }
                }
                return false;
            } catch (IOException | XMLStreamException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
                return false;
            }
        }

        /** A sheet row as read: Excel row number, cell texts by column, and cell problems (row number unset). */
        private record RawRow(int excelRow, List<String> values, List<RowProblem> problems) {
        }

        private int lastExcelRow;

        /** The next non-blank row, or null after the last (having read the merged regions). */
        private RawRow nextRawRow() {
            if (rowsDone) {
                return null;
            }
            try {
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        String local = xml.getLocalName();
                        if (local.equals("row")) {
                            String r = xml.getAttributeValue(null, "r");
                            int excelRow = r == null ? lastExcelRow + 1 : Integer.parseInt(r);
                            lastExcelRow = excelRow;
                            RawRow row = readRow(excelRow);
                            if (row.values.stream().anyMatch(v -> v != null && !v.isEmpty())) {
                                return row;
                            }
                        } else if (local.equals("mergeCell")) {
                            String ref = xml.getAttributeValue(null, "ref");
                            problem(new RowProblem(0, "sheet " + sheetName + ", cells " + ref, null,
                                    SourceErrorCode.MERGED_CELLS, RowProblem.Severity.WARNING,
                                    "cells " + ref + " are merged: only the top-left cell holds the value, the others"
                                            + " are read as empty (unmerge and fill them in the workbook if each row"
                                            + " needs the value)", ref));
                        }
                    }
                }
                rowsDone = true;
                return null;
            } catch (XMLStreamException | NumberFormatException e) {
                throw new SourceException(SourceErrorCode.MALFORMED, source, "sheet " + sheetName + ", after row "
                        + lastExcelRow, "the sheet's XML is broken: " + e.getMessage(),
                        "open the workbook in Excel or WPS and save it again.", e);
            }
        }

        /** Reads the cells of the current {@code <row>} up to its end tag. */
        private RawRow readRow(int excelRow) throws XMLStreamException {
            List<String> values = new ArrayList<>();
            List<RowProblem> problems = new ArrayList<>(0);
            int nextCol = 0;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("row")) {
                    break;
                }
                if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("c")) {
                    String ref = xml.getAttributeValue(null, "r");
                    int col = ref == null ? nextCol : CellText.columnIndex(ref);
                    if (col < 0) {
                        col = nextCol;
                    }
                    nextCol = col + 1;
                    String cellRef = CellText.columnLetters(col) + excelRow;
                    String text = readCell(cellRef, problems);
                    while (values.size() <= col) {
                        values.add(null);
                    }
                    values.set(col, text);
                }
            }
            return new RawRow(excelRow, values, problems);
        }

        /** Reads the current {@code <c>} up to its end tag. */
        private String readCell(String cellRef, List<RowProblem> problems) throws XMLStreamException {
            String t = xml.getAttributeValue(null, "t");
            String s = xml.getAttributeValue(null, "s");
            String formula = null;
            boolean hasFormula = false;
            String v = null;
            StringBuilder inline = null;
            int rph = 0;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    String local = xml.getLocalName();
                    if (local.equals("c")) {
                        break;
                    }
                    if (local.equals("rPh")) {
                        rph--;
                    }
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "f" -> {
                            hasFormula = true;
                            String shared = xml.getAttributeValue(null, "t");
                            formula = xml.getElementText();
                            if (formula.isEmpty() && "shared".equals(shared)) {
                                formula = "(shared formula)";
                            }
                        }
                        case "v" -> v = xml.getElementText();
                        case "is" -> inline = new StringBuilder();
                        case "rPh" -> rph++;
                        case "t" -> {
                            String text = xml.getElementText();
                            if (inline != null && rph == 0) {
                                inline.append(text);
                            }
                        }
                        default -> {
                        }
                    }
                }
            }
            String where = "sheet " + sheetName + ", cell " + cellRef;
            String value;
            if ("inlineStr".equals(t)) {
                value = inline == null ? v : inline.toString();
            } else if (v == null) {
                value = null;
            } else if ("s".equals(t)) {
                try {
                    value = strings.getItemAt(Integer.parseInt(v.strip())).getString();
                } catch (RuntimeException e) {
                    throw new SourceException(SourceErrorCode.MALFORMED, source, where,
                            "the cell refers to shared string " + v + ", which the workbook does not have",
                            "open the workbook in Excel or WPS and save it again.", e);
                }
            } else if ("str".equals(t) || "d".equals(t)) {
                value = v;
            } else if ("b".equals(t)) {
                value = "1".equals(v.strip()) || "true".equalsIgnoreCase(v.strip()) ? "TRUE" : "FALSE";
            } else if ("e".equals(t)) {
                value = v;
                problems.add(new RowProblem(-1, where, null, SourceErrorCode.CELL_ERROR, RowProblem.Severity.ERROR,
                        "the cell holds the Excel error " + v + (hasFormula ? " (formula =" + formula + ")" : ""), v));
            } else {
                value = isDate(s) ? dateText(v) : CellText.number(v);
            }
            if (hasFormula) {
                if (v == null && !"inlineStr".equals(t)) {
                    problems.add(new RowProblem(-1, where, null, SourceErrorCode.CELL_ERROR, RowProblem.Severity.ERROR,
                            "the cell is a formula (=" + formula + ") without a saved result", "=" + formula));
                } else if (!"e".equals(t)) {
                    problems.add(new RowProblem(-1, where, null, SourceErrorCode.FORMULA_CELL, RowProblem.Severity.WARNING,
                            "the cell is a formula (=" + formula + "); its saved result " + value + " was taken",
                            "=" + formula));
                }
            }
            return value;
        }

        private String dateText(String v) {
            try {
                return CellText.date(Double.parseDouble(v.strip()), date1904);
            } catch (NumberFormatException e) {
                return v;
            }
        }

        private boolean isDate(String s) {
            if (s == null || styles == null) {
                return false;
            }
            int index;
            try {
                index = Integer.parseInt(s);
            } catch (NumberFormatException e) {
                return false;
            }
            return dateStyles.computeIfAbsent(index, i -> {
                if (i < 0 || i >= styles.getNumCellStyles()) {
                    return false;
                }
                XSSFCellStyle style = styles.getStyleAt(i);
                return style != null && DateUtil.isADateFormat(style.getDataFormat(), style.getDataFormatString());
            });
        }

        @Override
        protected Row read() {
            RawRow raw = nextRawRow();
            if (raw == null) {
                return null;
            }
            long rowNumber = nextRowNumber();
            List<RowProblem> problems = new ArrayList<>(raw.problems.size() + 1);
            for (RowProblem p : raw.problems) {
                String column = null;
                int col = CellText.columnIndex(p.where().substring(p.where().lastIndexOf(' ') + 1));
                if (col >= 0 && col < columns().size()) {
                    column = columns().get(col);
                }
                problems.add(new RowProblem(rowNumber, p.where(), column, p.code(), p.severity(), p.message(), p.value()));
            }
            List<String> values = raw.values;
            if (width < 0) {
                // no header: the first row fixes the width
                width = values.size();
                columns(Headers.generated(width));
                Headers.check(columns(), spec.options().expectedColumns(), source, "sheet " + sheetName);
            }
            int last = values.size() - 1;
            while (last >= width && (values.get(last) == null || values.get(last).isEmpty())) {
                last--;
            }
            if (last >= width) {
                List<String> extra = values.subList(width, last + 1);
                problems.add(new RowProblem(rowNumber, "sheet " + sheetName + ", row " + raw.excelRow,
                        null, SourceErrorCode.RAGGED_ROW, RowProblem.Severity.ERROR,
                        "cells right of the last named column (" + CellText.columnLetters(width) + " onwards) hold "
                                + "values; they are kept after the last column", String.join(",",
                        extra.stream().map(String::valueOf).toList())));
                values = new ArrayList<>(values.subList(0, last + 1));
            } else {
                List<String> v = new ArrayList<>(width);
                for (int i = 0; i < width; i++) {
                    v.add(i < values.size() ? values.get(i) : null);
                }
                values = v;
            }
            return new Row(values, problems);
        }

        @Override
        protected SourceFingerprint finish(long rows) {
            return new SourceFingerprint(bytes.kind(), bytes.sha256(), bytes.bytes(), rows);
        }

        @Override
        public String description() {
            return "XLSX, sheet " + sheetName + (date1904 ? ", 1904 date system" : "");
        }

        @Override
        protected void release() {
            try {
                if (xml != null) {
                    xml.close();
                }
            } catch (XMLStreamException e) {
                // read-only
            }
            try {
                if (sheetStream != null) {
                    sheetStream.close();
                }
            } catch (IOException e) {
                // read-only
            }
            if (pkg != null) {
                pkg.revert();
            }
        }
    }
}
