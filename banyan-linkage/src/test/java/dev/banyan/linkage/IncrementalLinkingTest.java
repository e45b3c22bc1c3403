package dev.banyan.linkage;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncrementalLinkingTest {

    @Test
    void aBatchLinkedIncrementallyGivesTheClustersOfAFullRun() {
        List<LinkRecord> all = TestPeople.population(80);
        List<LinkRecord> base = new ArrayList<>();
        List<LinkRecord> batch = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            (i % 5 == 0 ? batch : base).add(all.get(i));
        }
        // the same model for both, as a production index keeps its model between batches
        FellegiSunterModel model = new RecordLinkage(TestPeople.schema()).run(all, List.of()).model();
        Map<String, String> full = new RecordLinkage(TestPeople.schema()).model(model).run(all, List.of()).clusterOf();

        LinkageIndex index = new RecordLinkage(TestPeople.schema()).model(model).index(base, List.of());
        LinkageResult added = index.add(batch, List.of());

        assertThat(added.clusterOf()).hasSize(batch.size());
        assertThat(index.clusters()).isEqualTo(new java.util.TreeMap<>(full));
        assertThat(added.pairsCompared()).isLessThan(index.initial().pairsCompared() + added.pairsCompared());
    }

    @Test
    void aRecordAlreadyLinkedCannotBeAddedAgain() {
        List<LinkRecord> all = TestPeople.population(5);
        LinkageIndex index = new RecordLinkage(TestPeople.schema()).index(all, List.of());
        assertThatThrownBy(() -> index.add(List.of(all.get(0)), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already linked");
    }
}
