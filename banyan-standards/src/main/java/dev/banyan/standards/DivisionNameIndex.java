package dev.banyan.standards;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Every name a GB/T 2260 division has carried since 1980, and its stem (福建省 and 福建, 鼓楼区 and 鼓楼),
 * indexed for finding the longest name at a position of an address.
 */
final class DivisionNameIndex {

    /** A division that a piece of text can name. */
    record Candidate(String code, String name, boolean stem) {

        Division.Level level() {
            return Division.Level.of(code);
        }
    }

    /** The candidates of the longest matching text, which ends at {@code end}. */
    record Match(int end, List<Candidate> candidates) {
    }

    private static final class Bundled {
        static final DivisionNameIndex INSTANCE = new DivisionNameIndex(AdministrativeDivisions.load());
    }

    private final Map<String, List<Candidate>> byText;
    private final int maxLength;
    // The length of the longest indexed text starting with each character; 0 if none does.
    private final byte[] longestStartingWith = new byte[65536];

    private DivisionNameIndex(AdministrativeDivisions divisions) {
        Map<String, List<Candidate>> index = new HashMap<>();
        int longest = 0;
        for (Map.Entry<String, List<String>> e : divisions.codesByName().entrySet()) {
            String name = e.getKey();
            if (DivisionNames.isPlaceholder(name)) {
                continue;
            }
            String stem = DivisionNames.stem(name);
            for (String code : e.getValue()) {
                add(index, name, new Candidate(code, name, false));
                if (stem != null) {
                    add(index, stem, new Candidate(code, name, true));
                }
            }
            longest = Math.max(longest, name.length());
        }
        index.replaceAll((k, v) -> List.copyOf(v));
        for (String text : index.keySet()) {
            char first = text.charAt(0);
            longestStartingWith[first] = (byte) Math.max(longestStartingWith[first], Math.min(text.length(), 127));
        }
        this.byText = Map.copyOf(index);
        this.maxLength = longest;
    }

    private static void add(Map<String, List<Candidate>> index, String text, Candidate candidate) {
        List<Candidate> list = index.computeIfAbsent(text, k -> new ArrayList<>(1));
        for (Candidate c : list) {
            if (c.code().equals(candidate.code()) && c.stem() == candidate.stem()) {
                return;
            }
        }
        list.add(candidate);
    }

    static DivisionNameIndex bundled() {
        return Bundled.INSTANCE;
    }

    /**
     * The longest text starting at {@code from} that names at least one division passing {@code filter},
     * with those divisions; null if there is none.
     */
    Match longestAt(String s, int from, Predicate<Candidate> filter) {
        if (from >= s.length()) {
            return null;
        }
        int limit = Math.min(Math.min(maxLength, longestStartingWith[s.charAt(from)]), s.length() - from);
        for (int length = limit; length >= 2; length--) {
            List<Candidate> candidates = byText.get(s.substring(from, from + length));
            if (candidates == null) {
                continue;
            }
            List<Candidate> passing = null;
            for (Candidate c : candidates) {
                if (filter.test(c)) {
                    if (passing == null) {
                        passing = new ArrayList<>(2);
                    }
                    passing.add(c);
                }
            }
            if (passing != null) {
                return new Match(from + length, passing);
            }
        }
        return null;
    }
}
