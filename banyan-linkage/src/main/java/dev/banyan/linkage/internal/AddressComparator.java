package dev.banyan.linkage.internal;

import dev.banyan.linkage.KeyFunction;
import dev.banyan.standards.TraditionalChinese;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Address similarity (地址相似度) as the overlap of tokens: bigrams of Chinese characters (or words of Latin text) and
 * number runs (house, building and room numbers). The overlap coefficient, |A ∩ B| / min(|A|, |B|), is used rather than
 * Jaccard because departments cut addresses at different levels — {@code 鼓楼区凤湖天地9#201} and
 * {@code 福建省福州市鼓楼区凤湖路8号凤湖天地9号楼201室} are the same flat. Levels: ≥ 0.9 / ≥ 0.6 / ≥ 0.3 / less.
 */
public final class AddressComparator implements FieldComparator<AddressComparator.Address> {

    /**
     * A prepared address.
     *
     * @param tokens  sorted distinct token hashes
     * @param numbers the number runs joined by {@code -}, e.g. {@code 84-9-301}
     */
    public record Address(int[] tokens, String numbers) {
    }

    @Override
    public Address prepare(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = TraditionalChinese.toSimplified(Normalizer.normalize(raw, Normalizer.Form.NFKC))
                .toLowerCase(Locale.ROOT);
        int[] tokens = new int[s.length() + 4];
        int count = 0;
        StringBuilder numbers = new StringBuilder();
        int i = 0;
        int prevHan = -1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                int start = i;
                while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                    i++;
                }
                String run = s.substring(start, i);
                tokens[count++] = 0x4E000000 ^ run.hashCode();
                if (!numbers.isEmpty()) {
                    numbers.append('-');
                }
                numbers.append(run);
                prevHan = -1;
            } else if (Character.isIdeographic(c)) {
                if (prevHan >= 0) {
                    tokens[count++] = prevHan * 31 + c;
                }
                prevHan = c;
                i++;
            } else if (Character.isLetter(c)) {
                int start = i;
                while (i < s.length() && Character.isLetter(s.charAt(i)) && !Character.isIdeographic(s.charAt(i))) {
                    i++;
                }
                tokens[count++] = 0x2A000000 ^ s.substring(start, i).hashCode();
                prevHan = -1;
            } else {
                prevHan = -1;
                i++;
            }
            if (count + 2 >= tokens.length) {
                tokens = Arrays.copyOf(tokens, tokens.length * 2);
            }
        }
        if (count == 0) {
            return null;
        }
        int[] sorted = Arrays.copyOf(tokens, count);
        Arrays.sort(sorted);
        int distinct = 1;
        for (int k = 1; k < sorted.length; k++) {
            if (sorted[k] != sorted[distinct - 1]) {
                sorted[distinct++] = sorted[k];
            }
        }
        return new Address(Arrays.copyOf(sorted, distinct), numbers.toString());
    }

    @Override
    public int compare(Address a, Address b) {
        double overlap = overlap(a.tokens(), b.tokens());
        if (overlap >= 0.9) {
            return 1;
        }
        if (overlap >= 0.6) {
            return 2;
        }
        return overlap >= 0.3 ? 3 : 4;
    }

    static double overlap(int[] a, int[] b) {
        int i = 0;
        int j = 0;
        int shared = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                shared++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return (double) shared / Math.min(a.length, b.length);
    }

    @Override
    public List<String> levels() {
        return List.of("missing", "overlap>=0.9", "overlap>=0.6", "overlap>=0.3", "different");
    }

    @Override
    public String key(Address value, KeyFunction function) {
        if (function != KeyFunction.NUMBERS && function != KeyFunction.VALUE) {
            throw FieldComparator.unsupported("address", function);
        }
        return value.numbers().isEmpty() ? null : value.numbers();
    }
}
