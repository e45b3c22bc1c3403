package dev.banyan.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.banyan.server.catalog.Catalog;
import dev.banyan.server.catalog.Resource;
import dev.banyan.server.identity.DepartmentDirectory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A person-shaped resource whose fields carry data elements, and batches of it that put rows into quarantine. */
final class QuarantineFixtures {

    static final String HEADER = "record_id,姓名,公民身份号码,出生日期,性别,联系电话,户籍地址,金额\n";

    /** Six rows: two are quarantined — row 3 (wrong check digit of the identity number) and row 5 (no key). */
    static final String MESSY = HEADER
            + "1, 張三 ,350102800101001,1980/1/1,男,138 0013 8000,福建省福州市鼓楼区五四路158号,3万\n"
            + "2,李四,350102199002150029,19900215,2,0591-87654321,福州市台江区八一七中路100号,1200.50\n"
            + "3,王五,350102197512300031,1975-12-30,1,,,\n"
            + "4,赵六,350102197512300032,1975年12月31日,1,not a phone,,\n"
            + ",钱七,350102199002150029,,,,,\n"
            + "2,李四,350102199002150029,1990-02-15,女,13900139000,福州市台江区八一七中路100号,1300\n";

    /** Two clean rows. */
    static final String CLEAN = HEADER
            + "7,孙八,350102198001010011,1980-01-01,1,13800138000,福建省福州市鼓楼区五四路158号,100\n"
            + "8,周九,350102199002150029,1990-02-15,2,13900139000,福州市台江区八一七中路100号,200\n";

    /** Field index of the identity number in the correction form ({@code v2}). */
    static final int IDENTITY = 2;

    private QuarantineFixtures() {
    }

    static Resource personResource(DepartmentDirectory directory, Catalog catalog) {
        return IngestFixtures.resource(directory, catalog, List.of(
                IngestFixtures.field("record_id", "string", null, true),
                IngestFixtures.field("姓名", "string", "DE0002", false),
                IngestFixtures.field("公民身份号码", "string", "DE0001", false),
                IngestFixtures.field("出生日期", "date", "DE0004", false),
                IngestFixtures.field("性别", "string", "DE0003", false),
                IngestFixtures.field("联系电话", "string", "DE0006", false),
                IngestFixtures.field("户籍地址", "string", "DE0007", false),
                IngestFixtures.field("金额", "decimal", null, false)));
    }

    static IngestBatch land(Ingestion ingestion, Path dir, Resource r, String name, String csv) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        IngestResult result = ingestion.ingest(r.code(), SourceSpec.of("csv", file.toString()), "tester", n -> { });
        assertThat(result.outcome()).as(String.valueOf(result.reason())).isEqualTo(IngestResult.Outcome.LANDED);
        return result.batch();
    }
}
