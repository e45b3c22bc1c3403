package dev.banyan.linkage;

import dev.banyan.synthcity.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The accuracy gate (准确率门槛): links the person records of a small generated city — a dozen departments, their own
 * layouts and mess — and checks pairwise F1 against the generator's ground truth.
 */
class SynthCityAccuracyTest {

    @Test
    void personsOfANormalCityLinkWithF1OfAtLeast099(@TempDir Path dir) {
        SynthCityPersons city = SynthCityPersons.generate(4_000, 20_251_202L, Profile.NORMAL, dir);
        LinkageResult result = new RecordLinkage(SynthCityPersons.schema()).truth(city.truth())
                .run(city.records(), List.of());
        PairwiseEvaluation eval = PairwiseEvaluation.of(result.clusterOf(), city.truth());
        System.out.printf("normal profile, %,d records: %s; %s%n", city.records().size(), eval, result.times());

        assertThat(city.records()).hasSizeGreaterThan(20_000);
        assertThat(eval.f1()).as(eval.toString()).isGreaterThanOrEqualTo(0.99);
        assertThat(eval.precision()).as(eval.toString()).isGreaterThanOrEqualTo(0.998);
        assertThat(result.blocking().pairCompleteness()).isGreaterThanOrEqualTo(0.98);
    }

    @Test
    void companiesOfANormalCityLinkWithF1OfAtLeast0995(@TempDir Path dir) {
        SynthCityPersons.generate(6_000, 20_251_204L, Profile.NORMAL, dir);
        SynthCityCompanies city = SynthCityCompanies.read(dir);
        LinkageResult result = new RecordLinkage(SynthCityCompanies.schema()).run(city.records(), List.of());
        PairwiseEvaluation eval = PairwiseEvaluation.of(result.clusterOf(), city.truth());
        System.out.printf("companies, normal profile, %,d records: %s%n", city.records().size(), eval);

        assertThat(city.records()).hasSizeGreaterThan(2_000);
        assertThat(eval.f1()).as(eval.toString()).isGreaterThanOrEqualTo(0.995);
    }

    @Test
    void personsOfAHardCityStillLinkWell(@TempDir Path dir) {
        SynthCityPersons city = SynthCityPersons.generate(4_000, 20_251_203L, Profile.HARD, dir);
        LinkageResult result = new RecordLinkage(SynthCityPersons.schema()).run(city.records(), List.of());
        PairwiseEvaluation eval = PairwiseEvaluation.of(result.clusterOf(), city.truth());
        System.out.printf("hard profile, %,d records: %s%n", city.records().size(), eval);

        assertThat(eval.f1()).as(eval.toString()).isGreaterThanOrEqualTo(0.97);
        assertThat(eval.precision()).as(eval.toString()).isGreaterThanOrEqualTo(0.995);
    }
}
