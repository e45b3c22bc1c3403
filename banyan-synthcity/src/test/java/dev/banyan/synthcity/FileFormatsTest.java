package dev.banyan.synthcity;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileFormatsTest {

    private final GeneratedCity city = GeneratedCities.of(Profile.NORMAL);

    @Test
    void civilAffairsFilesAreGbkWithChineseText() throws Exception {
        for (String file : List.of("minimum_living_allowance", "marriage_registrations", "elderly_subsidy")) {
            JsonNode spec = city.dataset("civil-affairs", file);
            assertThat(spec.get("encoding").asString()).isEqualTo("GBK");
            assertThat(spec.get("line_ending").asString()).isEqualTo("CRLF");
            byte[] bytes = Files.readAllBytes(city.dir().resolve(spec.get("file").asString()));
            String text = Charset.forName("GBK").newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            assertThat(text).startsWith("record_id,").contains("\r\n");
            assertThat(text.lines().skip(1).findFirst().orElseThrow()).containsPattern("\\p{IsHan}");
            // GBK bytes of Chinese text are not valid UTF-8: the file really is GBK
            assertThatThrownBy(() -> StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)))
                    .isInstanceOf(CharacterCodingException.class);
        }
        assertThat(city.rows("civil-affairs", "marriage_registrations")).first()
                .satisfies(r -> assertThat(r.get("登记机关")).endsWith("民政局婚姻登记处"));
    }

    @Test
    void pupilsWorkbookOpensWithPoiAndHasDateCells() throws Exception {
        JsonNode spec = city.dataset("education", "pupils");
        Path file = city.dir().resolve(spec.get("file").asString());
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("中小学学籍信息");
            Row header = sheet.getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("record_id");
            assertThat(header.getCell(1).getStringCellValue()).isEqualTo("全国学籍号");
            assertThat(sheet.getLastRowNum()).isEqualTo(spec.get("rows").asInt());
            int dateCells = 0;
            int textDates = 0;
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                Cell birth = sheet.getRow(i).getCell(4);
                if (birth.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(birth)) {
                    dateCells++;
                } else {
                    textDates++;
                }
                assertThat(sheet.getRow(i).getCell(1).getStringCellValue()).matches("G\\d{17}[\\dX]");
            }
            assertThat(dateCells).isGreaterThan(textDates * 3);
            assertThat(textDates).isPositive();
        }
    }

    @Test
    void medicalInsuranceIsOneJsonObjectPerLine() throws Exception {
        Path file = city.dir().resolve("medical-insurance/insured_persons.ndjson");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(city.dataset("medical-insurance", "insured_persons").get("rows").asInt());
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines.get(0));
        assertThat(first.get("record_id").asString()).startsWith("YB");
        assertThat(first.get("insutype").asString()).isIn("310", "390");
        assertThat(first.get("poolarea_no").asString()).isEqualTo("350100");
    }

    @Test
    void providentFundIsTabSeparatedAndHousingHasAByteOrderMark() throws Exception {
        String fund = Files.readString(city.dir().resolve("provident-fund/personal_accounts.tsv"));
        assertThat(fund.lines().findFirst().orElseThrow()).startsWith("record_id\t个人账号\t姓名");
        byte[] housing = Files.readAllBytes(city.dir().resolve("housing/public_rental_applications.csv"));
        assertThat(new byte[]{housing[0], housing[1], housing[2]})
                .isEqualTo(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        assertThat(city.dataset("housing", "public_rental_applications").get("bom").asBoolean()).isTrue();
    }

    @Test
    void transportTablesAreUtf8WithDatabaseColumnNames() throws Exception {
        JsonNode drivers = city.dataset("transport", "drivers");
        assertThat(drivers.get("served_as").asString()).isEqualTo("database");
        assertThat(drivers.get("database_table").asString()).isEqualTo("transport.drivers");
        assertThat(Files.readAllLines(city.dir().resolve("transport/drivers.csv")).get(0))
                .isEqualTo("record_id,name,id_number,sex,birth_date,phone,qualification,certificate_no,"
                        + "licence_class,first_issued,employer_uscc,employer_name,status");
    }

    @Test
    void manifestDescribesEveryDepartmentAndFile() {
        JsonNode manifest = city.manifest();
        assertThat(manifest.get("seed").asLong()).isEqualTo(GeneratedCities.SEED);
        assertThat(manifest.get("profile").asString()).isEqualTo("NORMAL");
        assertThat(manifest.get("persons").asInt()).isEqualTo(GeneratedCities.PERSONS);
        assertThat(manifest.get("generator_version").asString()).isNotBlank();
        assertThat(manifest.get("departments").size()).isEqualTo(12);
        for (JsonNode d : manifest.get("departments").values()) {
            assertThat(d.get("name_zh").asString()).containsPattern("\\p{IsHan}");
            assertThat(d.get("description_zh").asString()).containsPattern("\\p{IsHan}");
            assertThat(d.get("description_en").asString()).isNotBlank();
        }
        for (DatasetFile f : city.report().datasets()) {
            if (!f.department().equals("ground_truth")) {
                JsonNode spec = city.dataset(f.department(), f.dataset());
                assertThat(spec.get("rows").asLong()).isEqualTo(f.rows());
                assertThat(spec.get("encoding").asString()).isEqualTo(f.encoding());
            }
        }
        assertThat(city.report().datasets()).extracting(DatasetFile::format).contains("csv", "tsv", "ndjson", "xlsx");
        assertThat(city.report().datasets()).extracting(DatasetFile::encoding).contains("UTF-8", "GBK");
        assertThat(city.dir().resolve("README.txt")).content().contains("SYNTHETIC", "ground_truth/persons.csv");
    }
}
