package dev.banyan.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalJsonTest {

    /** RFC 8785 Appendix B: IEEE 754 bit patterns and their canonical form. */
    @ParameterizedTest
    @CsvSource({
            "0000000000000000, 0",
            "8000000000000000, 0",
            "0000000000000001, 5e-324",
            "8000000000000001, -5e-324",
            "7fefffffffffffff, 1.7976931348623157e+308",
            "ffefffffffffffff, -1.7976931348623157e+308",
            "4340000000000000, 9007199254740992",
            "c340000000000000, -9007199254740992",
            "4430000000000000, 295147905179352830000",
            "44b52d02c7e14af5, 9.999999999999997e+22",
            "44b52d02c7e14af6, 1e+23",
            "44b52d02c7e14af7, 1.0000000000000001e+23",
            "444b1ae4d6e2ef4e, 999999999999999700000",
            "444b1ae4d6e2ef4f, 999999999999999900000",
            "444b1ae4d6e2ef50, 1e+21",
            "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
            "3eb0c6f7a0b5ed8d, 0.000001",
            "41b3de4355555553, 333333333.3333332",
            "41b3de4355555554, 333333333.33333325",
            "41b3de4355555555, 333333333.3333333",
            "41b3de4355555556, 333333333.3333334",
            "41b3de4355555557, 333333333.33333343",
            "becbf647612f3696, -0.0000033333333333333333",
            "43143ff3c1cb0959, 1424953923781206.2",
    })
    void formatsTheAppendixBNumbers(String bits, String expected) {
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));
        assertThat(CanonicalJson.write(value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "333333333.33333329, 333333333.3333333",
            "1E30, 1e+30",
            "4.50, 4.5",
            "2e-3, 0.002",
            "0.000000000000000000000000001, 1e-27",
            "1e-7, 1e-7",
            "1.5e-7, 1.5e-7",
            "123e18, 123000000000000000000",
            "1e21, 1e+21",
            "-1.25e22, -1.25e+22",
            "1.0, 1",
            "0.1, 0.1",
            "100, 100",
            "1e-323, 1e-323",
            "2.5e-323, 2.5e-323",
    })
    void formatsNumbersLikeEcmaScript(String literal, String expected) {
        assertThat(CanonicalJson.write(Double.parseDouble(literal))).isEqualTo(expected);
    }

    @Test
    void numbersRoundTrip() {
        Random random = new Random(8785);
        for (int i = 0; i < 100_000; i++) {
            double value = Double.longBitsToDouble(random.nextLong());
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                continue;
            }
            String text = CanonicalJson.number(value);
            assertThat(Double.parseDouble(text)).as(text).isEqualTo(value == 0 ? 0.0 : value);
        }
    }

    @Test
    void rejectsNonFiniteNumbers() {
        assertThatThrownBy(() -> CanonicalJson.write(Map.of("x", Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("$.x");
        assertThatThrownBy(() -> CanonicalJson.write(List.of(1, Double.POSITIVE_INFINITY)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("$[1]");
    }

    @Test
    void integersWithinTwoToThe53() {
        assertThat(CanonicalJson.write(List.of(0, -7, 9007199254740992L, -9007199254740992L, BigInteger.TEN, (short) 3, (byte) -4)))
                .isEqualTo("[0,-7,9007199254740992,-9007199254740992,10,3,-4]");
        assertThatThrownBy(() -> CanonicalJson.write(Map.of("id", 9007199254740993L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("$.id").hasMessageContaining("2^53").hasMessageContaining("string");
        assertThatThrownBy(() -> CanonicalJson.write(new BigInteger("-9007199254740993")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(CanonicalJson.write(new BigDecimal("4.50"))).isEqualTo("4.5");
        assertThatThrownBy(() -> CanonicalJson.write(new BigDecimal("0.1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not exactly representable");
    }

    /** RFC 8785 §3.2.2 example. */
    @Test
    void writesTheRfcSampleObject() {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("numbers", List.of(333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001));
        // The RFC's string, its JSON escapes rewritten as Java escapes (Java would turn Unicode escapes into
        // quotes and line breaks before compiling).
        input.put("string", "\u20ac$\u000f\nA'B\"\\\\\"/");
        input.put("literals", Arrays.asList(null, true, false));
        String expected = "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
        assertThat(CanonicalJson.write(input)).isEqualTo(expected);
        assertThat(CanonicalJson.utf8(input)).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
    }

    /** RFC 8785 §3.2.3: members sorted by UTF-16 code units. */
    @Test
    void sortsMembersByUtf16CodeUnits() {
        Map<String, Object> input = new HashMap<>();
        input.put("\u20ac", "Euro Sign");
        input.put("\r", "Carriage Return");
        input.put("\ufb33", "Hebrew Letter Dalet With Dagesh");
        input.put("1", "One");
        input.put("\ud83d\ude00", "Emoji: Grinning Face");
        input.put("\u0080", "Control");
        input.put("\u00f6", "Latin Small Letter O With Diaeresis");
        assertThat(CanonicalJson.write(input)).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
        // The surrogate pair of U+1F600 sorts before U+FB33 by code unit, though it is the larger code point.
        assertThat(CanonicalJson.utf8(Map.of("\ud83d\ude00", 1)))
                .isEqualTo("{\"\ud83d\ude00\":1}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void escapesOnlyWhatJcsEscapes() {
        assertThat(CanonicalJson.write("\b\f\n\r\t\u0000\u001f\u007f/<>&\u2028é"))
                .isEqualTo("\"\\b\\f\\n\\r\\t\\u0000\\u001f\u007f/<>&\u2028é\"");
        assertThatThrownBy(() -> CanonicalJson.write(Map.of("k", "a\ud800b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("$.k").hasMessageContaining("unpaired surrogate");
    }

    @Test
    void writesNestedValuesAndArrays() {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("b", new int[] {1, 2});
        input.put("a", Map.of("z", List.of(), "y", Map.of()));
        input.put("c", new String[] {"x"});
        input.put("d", 'q');
        input.put("e", 0.5f);
        assertThat(CanonicalJson.write(input)).isEqualTo("{\"a\":{\"y\":{},\"z\":[]},\"b\":[1,2],\"c\":[\"x\"],\"d\":\"q\",\"e\":0.5}");
        assertThat(CanonicalJson.write(null)).isEqualTo("null");
        assertThat(CanonicalJson.write(-0.0)).isEqualTo("0");
    }

    @Test
    void rejectsValuesWithoutJsonForm() {
        assertThatThrownBy(() -> CanonicalJson.write(Map.of("blob", new byte[] {1})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("$.blob").hasMessageContaining("base64");
        assertThatThrownBy(() -> CanonicalJson.write(Map.of(1, "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names must be strings");
        assertThatThrownBy(() -> CanonicalJson.write(List.of(new Object())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("$[0]").hasMessageContaining("java.lang.Object");
    }
}
