package dev.banyan.server.catalog.internal;

import dev.banyan.server.catalog.DataDomain;
import dev.banyan.server.catalog.DataGrade;
import dev.banyan.server.catalog.OpenType;
import dev.banyan.server.catalog.PersonalInformation;
import dev.banyan.server.catalog.Resource;
import dev.banyan.server.catalog.ResourceDraft;
import dev.banyan.server.catalog.ResourceField;
import dev.banyan.server.catalog.ShareType;
import dev.banyan.server.catalog.UpdateCycle;
import dev.banyan.server.identity.Department;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;

/**
 * A department's catalog as an Excel workbook (目录导入导出模板): sheet "资源 Resources" has one row per resource,
 * sheet "信息项 Fields" one row per field keyed by the resource code, sheet "代码 Codes" lists the allowed values.
 * Choice cells accept the value's code (e.g. {@code CONDITIONAL}) or its Chinese or English label.
 */
public final class CatalogWorkbook {

    public static final String RESOURCES = "资源 Resources";
    public static final String FIELDS = "信息项 Fields";
    public static final String CODES = "代码 Codes";

    static final String[] RESOURCE_HEADERS = {"资源代码 code", "资源名称 name (zh)", "英文名称 name (en)", "摘要 summary",
        "领域 domain", "格式 format", "更新周期 update cycle", "来源系统 source system", "发布日期 release date",
        "共享类型 share type", "共享条件 share conditions", "不予共享依据 legal basis", "开放类型 open type", "分级 grade"};
    static final String[] FIELD_HEADERS = {"资源代码 resource code", "信息项名称 field name", "数据类型 type", "描述 description",
        "主键 key", "数据元 data element", "个人信息 personal information", "分级 grade", "权威来源 authoritative"};

    /** Which resource column each draft element comes from, to point import errors at the right cell. */
    static final Map<String, Integer> RESOURCE_COLUMNS = Map.ofEntries(Map.entry("code", 0), Map.entry("nameZh", 1),
            Map.entry("nameEn", 2), Map.entry("summary", 3), Map.entry("domain", 4), Map.entry("format", 5),
            Map.entry("updateCycle", 6), Map.entry("sourceSystem", 7), Map.entry("releaseDate", 8),
            Map.entry("shareType", 9), Map.entry("shareConditions", 10), Map.entry("shareLegalBasis", 11),
            Map.entry("openType", 12), Map.entry("grade", 13));
    static final Map<String, Integer> FIELD_COLUMNS = Map.of("name", 1, "type", 2, "description", 3, "key", 4,
            "dataElement", 5, "personalInformation", 6, "grade", 7, "authoritative", 8);

    private final MessageSource messages;

    public CatalogWorkbook(MessageSource messages) {
        this.messages = messages;
    }

    /** A resource read from the workbook, with where it came from. */
    public record ParsedResource(int row, ResourceDraft draft, List<Integer> fieldRows) {
    }

    public record Parsed(List<ParsedResource> resources, List<ImportProblem> problems) {
    }

    /** The empty template with headers and the code lists. */
    public byte[] template() {
        return write(List.of(), Map.of());
    }

    /** The given resources in the template's layout. */
    public byte[] write(List<Resource> resources, Map<Long, Department> departments) {
        try (Workbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet rs = wb.createSheet(RESOURCES);
            header(rs, RESOURCE_HEADERS);
            Sheet fs = wb.createSheet(FIELDS);
            header(fs, FIELD_HEADERS);
            int r = 1;
            int f = 1;
            for (Resource res : resources) {
                row(rs, r++, res.code(), res.nameZh(), res.nameEn(), res.summary(), label(res.domain()), res.format(),
                        label(res.updateCycle()), res.sourceSystem(), res.releaseDate() == null ? null : res.releaseDate().toString(),
                        label(res.shareType()), res.shareConditions(), res.shareLegalBasis(), label(res.openType()),
                        label(res.grade()));
                for (ResourceField field : res.fields()) {
                    row(fs, f++, res.code(), field.name(), field.type(), field.description(), field.key() ? "是" : "否",
                            field.dataElement(), label(field.personalInformation()), label(field.grade()),
                            field.authoritative() ? "是" : "否");
                }
            }
            Sheet codes = wb.createSheet(CODES);
            int c = 0;
            for (Class<? extends Enum<?>> type : List.of(DataDomain.class, UpdateCycle.class, ShareType.class, OpenType.class,
                    DataGrade.class, PersonalInformation.class)) {
                for (Enum<?> e : type.getEnumConstants()) {
                    row(codes, c++, type.getSimpleName(), e.name(), zh(e), en(e));
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads every resource and field row, collecting every bad cell rather than stopping at the first. */
    public Parsed read(InputStream in, long providerId) {
        List<ImportProblem> problems = new ArrayList<>();
        List<ParsedResource> resources = new ArrayList<>();
        Workbook wb;
        try {
            wb = new XSSFWorkbook(in);
        } catch (IOException | RuntimeException e) {
            problems.add(new ImportProblem("", 0, "", "error.catalog.import.notWorkbook", new Object[0]));
            return new Parsed(resources, problems);
        }
        try (wb) {
            Sheet rs = wb.getSheet(RESOURCES);
            Sheet fs = wb.getSheet(FIELDS);
            if (rs == null || fs == null) {
                problems.add(new ImportProblem(rs == null ? RESOURCES : FIELDS, 0, "", "error.catalog.import.sheetMissing", new Object[] {rs == null ? RESOURCES : FIELDS}));
                return new Parsed(resources, problems);
            }
            Map<String, List<ResourceField>> fields = new LinkedHashMap<>();
            Map<String, List<Integer>> fieldRows = new LinkedHashMap<>();
            for (int i = 1; i <= fs.getLastRowNum(); i++) {
                Row row = fs.getRow(i);
                if (blankRow(row, FIELD_HEADERS.length)) {
                    continue;
                }
                Cells c = new Cells(FIELDS, row, problems);
                String code = c.required(0);
                ResourceField f = new ResourceField(c.required(1), c.required(2), c.text(3), c.yes(4), c.text(5),
                        c.choice(6, PersonalInformation.class), c.choice(7, DataGrade.class), c.yes(8));
                if (code != null) {
                    fields.computeIfAbsent(code, k -> new ArrayList<>()).add(f);
                    fieldRows.computeIfAbsent(code, k -> new ArrayList<>()).add(i + 1);
                }
            }
            List<String> codes = new ArrayList<>();
            for (int i = 1; i <= rs.getLastRowNum(); i++) {
                Row row = rs.getRow(i);
                if (blankRow(row, RESOURCE_HEADERS.length)) {
                    continue;
                }
                Cells c = new Cells(RESOURCES, row, problems);
                String code = c.required(0);
                ResourceDraft d = new ResourceDraft(code, c.required(1), c.text(2), providerId, c.text(3),
                        c.choice(4, DataDomain.class), c.text(5), c.choice(6, UpdateCycle.class), c.text(7), c.date(8),
                        c.choice(9, ShareType.class), c.text(10), c.text(11), c.choice(12, OpenType.class),
                        c.choice(13, DataGrade.class), code == null ? List.of() : fields.getOrDefault(code, List.of()));
                if (code != null) {
                    if (codes.contains(code)) {
                        problems.add(new ImportProblem(RESOURCES, i + 1, "A", "error.catalog.code.taken", new Object[] {code}));
                    }
                    codes.add(code);
                }
                resources.add(new ParsedResource(i + 1, d, code == null ? List.of() : fieldRows.getOrDefault(code, List.of())));
            }
            fieldRows.forEach((code, rows) -> {
                if (!codes.contains(code)) {
                    for (int r : rows) {
                        problems.add(new ImportProblem(FIELDS, r, "A", "error.catalog.import.unknownResource", new Object[] {code}));
                    }
                }
            });
            if (resources.isEmpty() && problems.isEmpty()) {
                problems.add(new ImportProblem(RESOURCES, 2, "", "error.catalog.import.empty", new Object[0]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Parsed(resources, problems);
    }

    /** Reads the cells of one row, reporting each bad one. */
    private final class Cells {
        private final String sheet;
        private final Row row;
        private final List<ImportProblem> problems;
        private final DataFormatter formatter = new DataFormatter(Locale.ROOT);

        Cells(String sheet, Row row, List<ImportProblem> problems) {
            this.sheet = sheet;
            this.row = row;
            this.problems = problems;
        }

        String text(int column) {
            Cell cell = row.getCell(column);
            if (cell == null) {
                return null;
            }
            String s = formatter.formatCellValue(cell).strip();
            return s.isEmpty() ? null : s;
        }

        String required(int column) {
            String s = text(column);
            if (s == null) {
                problem(column, "error.required");
            }
            return s;
        }

        boolean yes(int column) {
            String s = text(column);
            return s != null && List.of("是", "y", "yes", "true", "1", "x", "✓").contains(s.toLowerCase(Locale.ROOT));
        }

        LocalDate date(int column) {
            Cell cell = row.getCell(column);
            if (cell != null && cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                return cell.getLocalDateTimeCellValue().toLocalDate();
            }
            String s = text(column);
            if (s == null) {
                return null;
            }
            try {
                return LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                problem(column, "error.catalog.import.date", s);
                return null;
            }
        }

        <E extends Enum<E>> E choice(int column, Class<E> type) {
            String s = text(column);
            if (s == null) {
                return null;
            }
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(s) || zh(e).equals(s) || en(e).equalsIgnoreCase(s)) {
                    return e;
                }
            }
            problem(column, "error.catalog.import.choice", s);
            return null;
        }

        private void problem(int column, String code, Object... args) {
            problems.add(new ImportProblem(sheet, row.getRowNum() + 1, CellReference.convertNumToColString(column), code, args));
        }
    }

    private static boolean blankRow(Row row, int columns) {
        if (row == null) {
            return true;
        }
        DataFormatter f = new DataFormatter(Locale.ROOT);
        for (int i = 0; i < columns; i++) {
            Cell c = row.getCell(i);
            if (c != null && !f.formatCellValue(c).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static void header(Sheet sheet, String[] headers) {
        row(sheet, 0, headers);
        for (int i = 0; i < headers.length; i++) {
            sheet.setColumnWidth(i, 20 * 256);
        }
    }

    private static void row(Sheet sheet, int index, String... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                row.createCell(i).setCellValue(values[i]);
            }
        }
    }

    private String label(Enum<?> e) {
        return e == null ? null : zh(e);
    }

    private String zh(Enum<?> e) {
        return messages.getMessage(CatalogLabels.key(e), null, e.name(), Locale.SIMPLIFIED_CHINESE);
    }

    private String en(Enum<?> e) {
        return messages.getMessage(CatalogLabels.key(e), null, e.name(), Locale.ENGLISH);
    }
}
