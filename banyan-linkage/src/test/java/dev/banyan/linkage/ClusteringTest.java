package dev.banyan.linkage;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ClusteringTest {

    private static final String ID_A = "350102198612099019";
    private static final String ID_B = "350111197309211778";

    @Test
    void aBridgeRecordNeverChainsTwoDifferentIdentityNumbers() {
        List<LinkRecord> records = new ArrayList<>(TestPeople.population(40));
        // two people with the same name, birth date and phone but different valid identity numbers, and a record
        // without identity number that looks like both of them
        records.add(TestPeople.person("X1", "陈建华", ID_A, "1986-12-09", "13812345678", "福州市鼓楼区五四路1号"));
        records.add(TestPeople.person("X2", "陈建华", ID_B, "1986-12-09", "13812345678", "福州市鼓楼区五四路1号"));
        records.add(TestPeople.person("X3", "陈建华", "", "1986-12-09", "13812345678", "福州市鼓楼区五四路1号"));
        records.add(TestPeople.person("X4", "陳建華", ID_A, "19861209", "", ""));
        LinkageResult result = new RecordLinkage(TestPeople.schema()).run(records, List.of());

        Map<String, String> c = result.clusterOf();
        assertThat(c.get("X1")).isNotEqualTo(c.get("X2"));
        assertThat(c.get("X1")).isEqualTo(c.get("X4"));
        assertThat(c.get("X3")).isIn(c.get("X1"), c.get("X2"));
        // no cluster anywhere holds two different valid identity numbers
        Map<String, LinkRecord> byId = new java.util.HashMap<>();
        records.forEach(r -> byId.put(r.id(), r));
        for (List<String> members : result.clusters().values()) {
            assertThat(members.stream().map(m -> byId.get(m).value(1))
                    .filter(v -> v != null && v.length() == 18 && dev.banyan.standards.CitizenIdNumber.isValid(v))
                    .distinct().count()).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void sameRecordsInAnyOrderGiveTheSameClustersAndIds() {
        List<LinkRecord> records = new ArrayList<>(TestPeople.population(60));
        LinkageResult first = new RecordLinkage(TestPeople.schema()).run(records, List.of());
        Collections.shuffle(records, new Random(7));
        LinkageResult shuffled = new RecordLinkage(TestPeople.schema()).threads(1).run(records, List.of());
        Collections.reverse(records);
        LinkageResult reversed = new RecordLinkage(TestPeople.schema()).threads(2).run(records, List.of());

        assertThat(shuffled.clusterOf()).isEqualTo(first.clusterOf());
        assertThat(reversed.clusterOf()).isEqualTo(first.clusterOf());
        assertThat(shuffled.reviewPairs()).isEqualTo(first.reviewPairs());
    }

    @Test
    void clusterIdIsTheSmallestRecordIdAndEachPersonIsOneCluster() {
        List<LinkRecord> records = TestPeople.population(30);
        LinkageResult result = new RecordLinkage(TestPeople.schema()).run(records, List.of());
        for (Map.Entry<String, List<String>> cluster : result.clusters().entrySet()) {
            assertThat(cluster.getKey()).isEqualTo(cluster.getValue().get(0));
        }
        Map<String, String> truth = new java.util.HashMap<>();
        records.forEach(r -> truth.put(r.id(), r.id().substring(0, 6)));
        PairwiseEvaluation eval = PairwiseEvaluation.of(result.clusterOf(), truth);
        assertThat(eval.f1()).as(eval.toString()).isGreaterThanOrEqualTo(0.95);
        assertThat(eval.precision()).isEqualTo(1.0);
    }

    @Test
    void pairwiseEvaluationCountsPairs() {
        Map<String, String> predicted = Map.of("a", "a", "b", "a", "c", "a", "d", "d");
        Map<String, String> truth = Map.of("a", "1", "b", "1", "c", "2", "d", "2");
        PairwiseEvaluation e = PairwiseEvaluation.of(predicted, truth);
        assertThat(e.predictedPairs()).isEqualTo(3);
        assertThat(e.truePairs()).isEqualTo(2);
        assertThat(e.truePositives()).isEqualTo(1);
        assertThat(e.f1()).isEqualTo(2 * (1 / 3.0) * 0.5 / (1 / 3.0 + 0.5));
    }
}
