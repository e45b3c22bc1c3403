package dev.banyan.linkage;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ExpectationMaximisationTest {

    // three fields with three levels each (level 0 = missing is not simulated) and one with two
    private static final double[][] M = {{0, 0.90, 0.07, 0.03}, {0, 0.85, 0.10, 0.05}, {0, 0.95, 0.05}, {0, 0.80, 0.15, 0.05}};
    private static final double[][] U = {{0, 0.02, 0.08, 0.90}, {0, 0.05, 0.15, 0.80}, {0, 0.30, 0.70}, {0, 0.01, 0.04, 0.95}};
    private static final double LAMBDA = 0.15;

    private static int draw(double[] p, SplittableRandom r) {
        double x = r.nextDouble();
        double acc = 0;
        for (int l = 1; l < p.length; l++) {
            acc += p[l];
            if (x < acc) {
                return l;
            }
        }
        return p.length - 1;
    }

    @Test
    void recoversKnownParametersFromSimulatedPairs() {
        SplittableRandom random = new SplittableRandom(42);
        Map<Long, Long> counts = new HashMap<>();
        for (int i = 0; i < 300_000; i++) {
            boolean match = random.nextDouble() < LAMBDA;
            double[][] p = match ? M : U;
            long packed = 0;
            for (int f = 0; f < p.length; f++) {
                packed = ComparisonVector.with(packed, f, draw(p[f], random));
            }
            counts.merge(packed, 1L, Long::sum);
        }
        List<String> fields = List.of("a", "b", "c", "d");
        FellegiSunterModel start = ExpectationMaximisation.startingModel(fields, new int[]{4, 4, 3, 4});
        ExpectationMaximisation em = ExpectationMaximisation.standard();
        FellegiSunterModel model = em.estimate(PatternCounts.of(counts), start, false);

        assertThat(model.lambda()).isCloseTo(LAMBDA, within(0.01));
        for (int f = 0; f < M.length; f++) {
            for (int l = 1; l < M[f].length; l++) {
                assertThat(model.m(f, l)).as("m[%d][%d]", f, l).isCloseTo(M[f][l], within(0.02));
                assertThat(model.u(f, l)).as("u[%d][%d]", f, l).isCloseTo(U[f][l], within(0.02));
            }
        }
        assertThat(em.iterations()).isLessThan(200);
    }

    @Test
    void missingLevelsCarryNoWeight() {
        FellegiSunterModel model = new FellegiSunterModel(List.of("a"), new double[][]{{0, 0.9, 0.1}},
                new double[][]{{0, 0.1, 0.9}}, 0.5);
        assertThat(model.weight(ComparisonVector.of(0).packed())).isEqualTo(0.0);
        assertThat(model.weight(ComparisonVector.of(1).packed())).isCloseTo(Math.log(9) / Math.log(2), within(1e-9));
        assertThat(new MatchWeight(model.weight(ComparisonVector.of(1).packed())).probability())
                .isCloseTo(0.9, within(1e-9));
    }
}
