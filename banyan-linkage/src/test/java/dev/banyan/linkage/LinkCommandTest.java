package dev.banyan.linkage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LinkCommandTest {

    private static final Path FEBRL_CONFIG = Path.of("examples/febrl.yaml");

    @Test
    void deduplicatesAFebrlStyleFileWithOnlyTheExampleConfig(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("dataset3.csv");
        FebrlStyleData.write(input, FebrlStyleData.generate(2_000, 1_500, 5, 3));
        Path out = dir.resolve("clusters.csv");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        LinkCommand.Report report = LinkCommand.run(LinkCommand.Options.parse("--config", FEBRL_CONFIG.toString(),
                input.toString(), "--out", out.toString()), new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(report.records()).isEqualTo(3_500 - countSkipped(input));
        assertThat(report.evaluation().f1()).as(report.evaluation().toString()).isGreaterThanOrEqualTo(0.95);
        assertThat(report.evaluation().precision()).isGreaterThanOrEqualTo(0.97);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("precision", "recall", "F1", "pairs compared");
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("record_id,source,cluster_id");
        assertThat(lines).hasSize(report.records() + 1);
    }

    /** Originals that got no duplicate because their quota was full are not written twice; count the real rows. */
    private static int countSkipped(Path input) throws Exception {
        return 3_500 - (Files.readAllLines(input).size() - 1);
    }

    @Test
    void linksTwoFebrlStyleFilesAcrossSourcesOnly(@TempDir Path dir) throws Exception {
        List<String[]> all = FebrlStyleData.generate(1_500, 1_500, 1, 4);
        List<String[]> a = new ArrayList<>();
        List<String[]> b = new ArrayList<>();
        for (String[] r : all) {
            (r[0].endsWith("-org") ? a : b).add(r);
        }
        FebrlStyleData.write(dir.resolve("dataset4a.csv"), a);
        FebrlStyleData.write(dir.resolve("dataset4b.csv"), b);

        LinkCommand.Report report = LinkCommand.run(LinkCommand.Options.parse("--config", FEBRL_CONFIG.toString(),
                dir.resolve("dataset4a.csv").toString(), dir.resolve("dataset4b.csv").toString()),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertThat(report.evaluation().f1()).as(report.evaluation().toString()).isGreaterThanOrEqualTo(0.95);
        // link mode never compares two records of the same file
        assertThat(report.result().reviewPairs()).allSatisfy(p ->
                assertThat(p.firstId().endsWith("-org")).isNotEqualTo(p.secondId().endsWith("-org")));
    }

    @Test
    void readsATruthFileOfPairs(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("people.csv");
        Files.writeString(input, """
                id,name,birth,phone
                a,张伟,1980-01-02,13800000001
                b,章伟,1980/1/2,+86 138 0000 0001
                c,李娜,1990-05-06,13900000002
                d,李娜,1990年5月6日,139-0000-0002
                e,王芳,1975-07-08,
                """);
        Path config = dir.resolve("link.yaml");
        Files.writeString(config, """
                id: id
                fields:
                  - {name: name, comparator: name}
                  - {name: birth, comparator: date}
                  - {name: phone, comparator: phone}
                blocking: ["birth:date", "name:pinyin"]
                thresholds: {link: 0.9, review: 0.2}
                truth: {format: pairs}
                """);
        Path truth = dir.resolve("truth.csv");
        Files.writeString(truth, "left,right\na,b\nc,d\n");

        LinkCommand.Report report = LinkCommand.run(LinkCommand.Options.parse("-c", config.toString(),
                input.toString(), "--truth", truth.toString()),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertThat(report.result().clusterOf()).containsEntry("b", "a").containsEntry("d", "c").containsEntry("e", "e");
        assertThat(report.evaluation().f1()).isEqualTo(1.0);
    }

    @Test
    void explainsConfigurationMistakes(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, "id: id\nfields: [{name: x, comparator: soundslike}]\nblocking: [x]\n");
        Path input = dir.resolve("in.csv");
        Files.writeString(input, "id,x\n1,a\n");
        assertThatThrownBy(() -> LinkCommand.run(LinkCommand.Options.parse("--config", config.toString(),
                input.toString()), System.out)).hasMessageContaining("unknown comparator 'SOUNDSLIKE'");
        Files.writeString(config, "id: id\nfields: [{name: x}]\nblocking: [\"y:pinyin\"]\n");
        assertThatThrownBy(() -> LinkCommand.run(LinkCommand.Options.parse("--config", config.toString(),
                input.toString()), System.out)).hasMessageContaining("unknown field y");
        Files.writeString(config, "id: id\nfields: [{name: x, column: nope}]\nblocking: [x]\n");
        assertThatThrownBy(() -> LinkCommand.run(LinkCommand.Options.parse("--config", config.toString(),
                input.toString()), System.out)).hasMessageContaining("no column 'nope'");
        assertThatThrownBy(() -> LinkCommand.Options.parse(input.toString()))
                .hasMessageContaining("--config is required");
    }
}
