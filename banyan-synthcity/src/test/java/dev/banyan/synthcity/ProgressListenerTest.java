package dev.banyan.synthcity;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressListenerTest {

    @Test
    void reportsEveryStageCoarselyAndFinishesEach() throws Exception {
        Path dir = Files.createTempDirectory("synthcity-progress-");
        Map<String, List<long[]>> calls = new LinkedHashMap<>();
        try {
            new CityGenerator().generate(new GenerationOptions(2_000, 3, Profile.NORMAL, dir),
                    (stage, done, total) -> calls.computeIfAbsent(stage, s -> new ArrayList<>())
                            .add(new long[]{done, total}));
        } finally {
            GeneratedCities.delete(dir);
        }
        assertThat(calls.keySet()).containsExactlyInAnyOrder("persons", "enterprises", "houses", "public-security",
                "market-regulation", "civil-affairs", "human-resources", "medical-insurance", "real-estate",
                "housing", "provident-fund", "tax", "health", "education", "transport", "ground-truth", "manifest");
        assertThat(new ArrayList<>(calls.keySet()).subList(0, 3)).containsExactly("persons", "enterprises", "houses");
        calls.forEach((stage, list) -> {
            long[] last = list.get(list.size() - 1);
            assertThat(last[0]).as(stage).isEqualTo(last[1]);
            assertThat(list.size()).as(stage + " is not reported per row: " + list.size()).isLessThanOrEqualTo(203);
            for (int i = 1; i < list.size(); i++) {
                assertThat(list.get(i)[0]).as(stage).isGreaterThanOrEqualTo(list.get(i - 1)[0]);
            }
        });
        assertThat(calls.get("persons")).hasSizeGreaterThan(10);
    }
}
