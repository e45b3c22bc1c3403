package dev.banyan.linkage;

import dev.banyan.linkage.internal.Soundex;
import dev.banyan.linkage.internal.StringDistance;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StringDistanceTest {

    @Test
    void levenshteinAndDamerauCountEdits() {
        assertThat(StringDistance.levenshtein("kitten", "sitting")).isEqualTo(3);
        assertThat(StringDistance.levenshtein("ab", "ba")).isEqualTo(2);
        assertThat(StringDistance.damerau("ab", "ba")).isEqualTo(1);
        assertThat(StringDistance.damerau("陈伟", "陈伟")).isZero();
        assertThat(StringDistance.damerau("", "abc")).isEqualTo(3);
    }

    @Test
    void boundedDamerauAgreesWithTheFullAlgorithmUpToItsBound() {
        Random random = new Random(1);
        String alphabet = "01X";
        for (int t = 0; t < 20_000; t++) {
            String a = randomText(random, alphabet, random.nextInt(8));
            String b = random.nextBoolean() ? randomText(random, alphabet, Math.max(0, a.length() + random.nextInt(3) - 1))
                    : a.length() > 1 ? a.substring(1) + a.charAt(0) : a;
            for (int max = 0; max <= 3; max++) {
                assertThat(StringDistance.boundedDamerau(a, b, max)).as("%s %s %d", a, b, max)
                        .isEqualTo(Math.min(max + 1, StringDistance.damerau(a, b)));
            }
        }
    }

    private static String randomText(Random random, String alphabet, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    @Test
    void jaroWinklerMatchesPublishedValues() {
        assertThat(StringDistance.jaroWinkler("martha", "marhta")).isCloseTo(0.9611, within(1e-4));
        assertThat(StringDistance.jaroWinkler("dwayne", "duane")).isCloseTo(0.84, within(1e-4));
        assertThat(StringDistance.jaroWinkler("dixon", "dicksonx")).isCloseTo(0.8133, within(1e-4));
        assertThat(StringDistance.jaroWinkler("abc", "xyz")).isZero();
    }

    @Test
    void soundexCodesLatinNames() {
        assertThat(Soundex.of("Robert")).isEqualTo("R163");
        assertThat(Soundex.of("Rupert")).isEqualTo("R163");
        assertThat(Soundex.of("Ashcraft")).isEqualTo("A261");
        assertThat(Soundex.of("Tymczak")).isEqualTo("T522");
        assertThat(Soundex.of("smith")).isEqualTo(Soundex.of("smyth"));
        assertThat(Soundex.of("张伟")).isEmpty();
    }
}
