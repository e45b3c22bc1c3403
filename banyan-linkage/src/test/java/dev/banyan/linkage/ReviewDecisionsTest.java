package dev.banyan.linkage;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewDecisionsTest {

    private static List<LinkRecord> records() {
        List<LinkRecord> records = new ArrayList<>(TestPeople.population(40));
        // the same person without identity number, twice, similar enough to link automatically
        records.add(TestPeople.person("R1", "郑美玲", "", "1975-04-02", "13905910001", "福州市台江区国货西路221号5号楼102室"));
        records.add(TestPeople.person("R2", "郑美玲", "", "1975-04-02", "13905910001", "台江区国货西路221号5号楼102室"));
        // two records that the model does not link: a different name and no phone
        records.add(TestPeople.person("R3", "蔡丽娟", "", "1961-09-30", "", "福州市晋安区六一北路44号"));
        records.add(TestPeople.person("R4", "蔡莉", "", "1961-09-30", "", ""));
        return records;
    }

    @Test
    void rejectedPairsStaySeparateAndAcceptedPairsTogetherInEveryRerun() {
        LinkSchema schema = TestPeople.schema();
        Map<String, String> before = new RecordLinkage(schema).run(records(), List.of()).clusterOf();
        assertThat(before.get("R1")).isEqualTo(before.get("R2"));
        assertThat(before.get("R3")).isNotEqualTo(before.get("R4"));

        List<ReviewDecision> decisions = List.of(ReviewDecision.reject("R1", "R2"), ReviewDecision.accept("R4", "R3"));
        for (int rerun = 0; rerun < 3; rerun++) {
            Map<String, String> after = new RecordLinkage(schema).run(records(), decisions).clusterOf();
            assertThat(after.get("R1")).isNotEqualTo(after.get("R2"));
            assertThat(after.get("R3")).isEqualTo(after.get("R4")).isEqualTo("R3");
        }
    }

    @Test
    void decisionsAlsoHoldForIncrementalBatches() {
        List<LinkRecord> all = records();
        List<LinkRecord> base = all.subList(0, all.size() - 4);
        List<LinkRecord> batch = all.subList(all.size() - 4, all.size());
        LinkageIndex index = new RecordLinkage(TestPeople.schema()).index(base, List.of());
        index.add(batch, List.of(ReviewDecision.reject("R1", "R2"), ReviewDecision.accept("R3", "R4")));
        assertThat(index.clusterOf("R1")).isNotEqualTo(index.clusterOf("R2"));
        assertThat(index.clusterOf("R3")).isEqualTo(index.clusterOf("R4"));
    }

    @Test
    void noDecisionJoinsDifferentValidIdentityNumbers() {
        List<LinkRecord> records = new ArrayList<>(TestPeople.population(10));
        records.add(TestPeople.person("Y1", "吴伟", "350102198612099019", "", "", ""));
        records.add(TestPeople.person("Y2", "吴伟", "350111197309211778", "", "", ""));
        LinkageResult result = new RecordLinkage(TestPeople.schema())
                .run(records, List.of(ReviewDecision.accept("Y1", "Y2")));
        assertThat(result.clusterOf().get("Y1")).isNotEqualTo(result.clusterOf().get("Y2"));
        assertThat(result.refusedDecisions()).containsExactly(ReviewDecision.accept("Y1", "Y2"));
    }
}
