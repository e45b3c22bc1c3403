package dev.banyan.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.banyan.server.BanyanServerTest;
import dev.banyan.server.catalog.CatalogFixtures.Dept;
import dev.banyan.server.catalog.internal.CatalogImporter;
import dev.banyan.server.catalog.internal.CatalogWorkbook;
import dev.banyan.server.catalog.internal.ImportProblem;
import dev.banyan.server.catalog.internal.ImportReport;
import dev.banyan.server.identity.DepartmentDirectory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Bulk import from the Excel template: all or nothing, with every bad row and cell reported. */
@BanyanServerTest
class CatalogImportTest {

    @Autowired
    CatalogImporter importer;

    @Autowired
    Catalog catalog;

    @Autowired
    DepartmentDirectory directory;

    private static void row(Sheet sheet, int index, String... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                row.createCell(i).setCellValue(values[i]);
            }
        }
    }

    private byte[] workbook(Dept d, boolean withMistakes) throws Exception {
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(importer.template())); var out = new ByteArrayOutputStream()) {
            Sheet rs = wb.getSheet(CatalogWorkbook.RESOURCES);
            Sheet fs = wb.getSheet(CatalogWorkbook.FIELDS);
            String c1 = "101001-" + d.creditCode() + "-001";
            String c2 = "101001-" + d.creditCode() + "-002";
            row(rs, 1, c1, "低保救助对象", "Minimum living allowance recipients", "低保对象及救助金额", "民政服务", "数据库", "每月",
                    "社会救助系统", "2026-01-05", "有条件共享", "用于救助核查", null, "不予开放", "重要");
            row(rs, 2, c2, "养老机构", "Elderly care homes", "养老机构名录", "CIVIL_AFFAIRS", "电子表格", withMistakes ? "每两年" : "每年",
                    "养老服务系统", withMistakes ? "2026/13/40" : "2026-02-01", withMistakes ? "不予共享" : "无条件共享", null, null,
                    "无条件开放", "一般");
            row(fs, 1, c1, "公民身份号码", "string", null, "是", "DE0001", "敏感：特定身份", "重要", "否");
            row(fs, 2, c1, "救助金额", "decimal", "元/月", "否", null, "个人信息", "一般", "否");
            row(fs, 3, c2, "机构名称", "string", null, "否", withMistakes ? "DE9999" : "DE0011", null, "一般", "否");
            if (withMistakes) {
                row(fs, 4, c2, "机构名称", "string", null, "否", null, null, "重要", "否");
                row(fs, 5, c2, "床位数", null, null, "否", null, null, "一般", "否");
                row(fs, 6, "101001-" + d.creditCode() + "-999", "孤儿字段", "string");
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void reportsEveryBadCellAndImportsNothing() throws Exception {
        Dept civil = CatalogFixtures.department(directory, "榕城市民政局（导入测试）");
        ImportReport report = importer.importWorkbook(civil.liaison(), civil.id(), new ByteArrayInputStream(workbook(civil, true)));
        assertThat(report.succeeded()).isFalse();
        // Every bad cell, in the order of the workbook: those the reader could not read, and those the catalog refused
        // — several in the same resource (the legal basis for not sharing and an unknown data element among them).
        assertThat(report.problems()).extracting(ImportProblem::sheet, ImportProblem::row, ImportProblem::column, ImportProblem::messageCode)
                .containsExactly(
                        tuple(CatalogWorkbook.RESOURCES, 3, "G", "error.catalog.import.choice"),
                        tuple(CatalogWorkbook.RESOURCES, 3, "I", "error.catalog.import.date"),
                        tuple(CatalogWorkbook.RESOURCES, 3, "L", "error.catalog.share.legalBasis"),
                        tuple(CatalogWorkbook.FIELDS, 4, "F", "error.catalog.element.unknown"),
                        tuple(CatalogWorkbook.FIELDS, 5, "B", "error.catalog.field.duplicate"),
                        tuple(CatalogWorkbook.FIELDS, 5, "H", "error.catalog.field.gradeAboveResource"),
                        tuple(CatalogWorkbook.FIELDS, 6, "C", "error.required"),
                        tuple(CatalogWorkbook.FIELDS, 7, "A", "error.catalog.import.unknownResource"));
        assertThat(report.problems().get(3).arguments()).containsExactly("DE9999");
        assertThat(catalog.ofProvider(civil.id())).isEmpty();
    }

    @Test
    void importsAGoodWorkbookAsDraftsAndExportsTheSameLayout() throws Exception {
        Dept civil = CatalogFixtures.department(directory, "榕城市民政局（导入测试二）");
        ImportReport report = importer.importWorkbook(civil.liaison(), civil.id(), new ByteArrayInputStream(workbook(civil, false)));
        assertThat(report.problems()).isEmpty();
        assertThat(report.created()).hasSize(2);
        Resource allowance = catalog.getByCode(report.created().get(0));
        assertThat(allowance.status()).isEqualTo(ResourceStatus.DRAFT);
        assertThat(allowance.shareType()).isEqualTo(ShareType.CONDITIONAL);
        assertThat(allowance.domain()).isEqualTo(DataDomain.CIVIL_AFFAIRS);
        assertThat(allowance.fields()).extracting(ResourceField::personalInformation)
                .containsExactly(PersonalInformation.SENSITIVE_IDENTITY, PersonalInformation.PERSONAL);
        assertThat(allowance.fields().get(0).key()).isTrue();
    }

    @Test
    void refusesAFileThatIsNotAWorkbook() {
        Dept civil = CatalogFixtures.department(directory, "榕城市民政局（导入测试三）");
        ImportReport report = importer.importWorkbook(civil.liaison(), civil.id(), new ByteArrayInputStream("a,b\n".getBytes()));
        assertThat(report.problems()).extracting(ImportProblem::messageCode).containsExactly("error.catalog.import.notWorkbook");
    }
}
