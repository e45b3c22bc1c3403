package dev.banyan.linkage.internal;

/**
 * Edit distances and similarities (字符串相似度) for short strings: Levenshtein, optimal-string-alignment
 * Damerau-Levenshtein (a swap of two neighbours counts one edit) and Jaro-Winkler. Code points are compared so that
 * Chinese characters outside the BMP count as one character.
 */
public final class StringDistance {

    private StringDistance() {
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    public static int levenshtein(String a, String b) {
        return editDistance(a.codePoints().toArray(), b.codePoints().toArray(), false);
    }

    /** Damerau-Levenshtein (optimal string alignment): as Levenshtein, plus swaps of neighbouring characters. */
    public static int damerau(String a, String b) {
        return editDistance(a.codePoints().toArray(), b.codePoints().toArray(), true);
    }

    static int editDistance(int[] s, int[] t, boolean transpositions) {
        int n = s.length;
        int m = t.length;
        if (n == 0) {
            return m;
        }
        if (m == 0) {
            return n;
        }
        int[] prev2 = new int[m + 1];
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            for (int j = 1; j <= m; j++) {
                int cost = s[i - 1] == t[j - 1] ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (transpositions && i > 1 && j > 1 && s[i - 1] == t[j - 2] && s[i - 2] == t[j - 1]) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
            }
            int[] tmp = prev2;
            prev2 = prev;
            prev = cur;
            cur = tmp;
        }
        return prev[m];
    }

    /**
     * Damerau-Levenshtein distance if it is at most {@code max}, else {@code max + 1}; fast for equal lengths, where
     * only substitutions and neighbour swaps are counted — the typos of fixed-width codes such as identity numbers.
     */
    public static int boundedDamerau(String a, String b, int max) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > max) {
            return max + 1;
        }
        if (a.equals(b)) {
            return 0;
        }
        // banded optimal-string-alignment: only cells within max of the diagonal can stay within max edits
        int big = max + 1;
        int[] prev2 = new int[m + 1];
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            prev[j] = j <= max ? j : big;
        }
        for (int i = 1; i <= n; i++) {
            int from = Math.max(1, i - max);
            int to = Math.min(m, i + max);
            cur[0] = i <= max ? i : big;
            if (from > 1) {
                cur[from - 1] = big;
            }
            int rowMin = cur[0];
            for (int j = from; j <= to; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int up = j <= Math.min(m, i - 1 + max) ? prev[j] : big;
                int v = Math.min(Math.min(up + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = Math.min(v, big);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (to < m) {
                cur[to + 1] = big;
            }
            if (rowMin > max) {
                return big;
            }
            int[] tmp = prev2;
            prev2 = prev;
            prev = cur;
            cur = tmp;
        }
        return Math.min(prev[m], big);
    }

    /** Jaro-Winkler similarity in [0, 1] with the usual prefix scale 0.1 and prefix up to four characters. */
    public static double jaroWinkler(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        int[] s = a.codePoints().toArray();
        int[] t = b.codePoints().toArray();
        if (s.length == 0 || t.length == 0) {
            return 0.0;
        }
        int window = Math.max(0, Math.max(s.length, t.length) / 2 - 1);
        boolean[] sMatched = new boolean[s.length];
        boolean[] tMatched = new boolean[t.length];
        int matches = 0;
        for (int i = 0; i < s.length; i++) {
            int from = Math.max(0, i - window);
            int to = Math.min(t.length - 1, i + window);
            for (int j = from; j <= to; j++) {
                if (!tMatched[j] && s[i] == t[j]) {
                    sMatched[i] = true;
                    tMatched[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0.0;
        }
        int halfTranspositions = 0;
        int k = 0;
        for (int i = 0; i < s.length; i++) {
            if (sMatched[i]) {
                while (!tMatched[k]) {
                    k++;
                }
                if (s[i] != t[k]) {
                    halfTranspositions++;
                }
                k++;
            }
        }
        double m = matches;
        double jaro = (m / s.length + m / t.length + (m - halfTranspositions / 2.0) / m) / 3.0;
        int prefix = 0;
        while (prefix < Math.min(4, Math.min(s.length, t.length)) && s[prefix] == t[prefix]) {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1.0 - jaro);
    }
}
