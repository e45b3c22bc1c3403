package dev.banyan.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./banyan link} deduplicates a CSV in its own layout with only a config, and measures against a truth. */
class LinkCliTest {

    @TempDir
    Path dir;

    @Test
    void deduplicatesAFileAndPrintsPrecisionRecallAndF1() throws Exception {
        Path config = Files.writeString(dir.resolve("link.yaml"), """
                id: 编号
                fields:
                  - {name: name, column: 姓名, comparator: name, termFrequency: true}
                  - {name: id, column: 身份证号, comparator: identity_number, identifier: true}
                  - {name: birth, column: 出生日期, comparator: date}
                  - {name: phone, column: 电话, comparator: phone}
                blocking:
                  - "id"
                  - "name:pinyin & birth:date"
                thresholds: {link: 0.95, review: 0.5}
                """, StandardCharsets.UTF_8);
        Path input = Files.writeString(dir.resolve("people.csv"), """
                编号,姓名,身份证号,出生日期,电话
                a1,张伟,350102199001011234,1990-01-01,13812345678
                a2,張偉,350102199001011234,1990/1/1,138 1234 5678
                a3,李娜,,1985-05-05,13900000000
                a4,李娜,,19850505,13900000000
                a5,王芳,350102197003036666,1970-03-03,
                """, StandardCharsets.UTF_8);
        Path truth = Files.writeString(dir.resolve("truth.csv"), "record,entity\na1,1\na2,1\na3,2\na4,2\na5,3\n");
        Path out = dir.resolve("clusters.csv");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            exit = new CommandLine(new BanyanCommandLine()).execute("link", "--config", config.toString(), input.toString(),
                    "--truth", truth.toString(), "--out", out.toString());
        } finally {
            System.setOut(stdout);
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(text).isZero();
        assertThat(text).contains("5 records", "precision 1.0000", "F1 1.0000");
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).first().isEqualTo("record_id,source,cluster_id");
        assertThat(lines).contains("a2,people.csv,a1", "a4,people.csv,a3", "a5,people.csv,a5");
    }
}
