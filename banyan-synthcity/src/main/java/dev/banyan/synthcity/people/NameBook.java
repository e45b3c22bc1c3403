package dev.banyan.synthcity.people;

import dev.banyan.synthcity.chance.WeightedTable;
import dev.banyan.synthcity.reference.BundledTsv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Surnames and given names (姓名库): Fujian surname frequencies and given names that follow the fashion of each
 * birth cohort (建国 and 秀英 for the old, 子涵 and 一诺 for the young).
 */
public final class NameBook {

    private static final int[] COHORT_STARTS = {1930, 1960, 1980, 2000, 2015};
    /** Share of one-character given names per cohort: highest among people born 1960-1999. */
    private static final double[] SINGLE_SHARE = {0.08, 0.18, 0.15, 0.07, 0.04};

    private record Pool(List<String> names, char[] singles, char[] firsts, char[] seconds) {
    }

    private final String[] surnames;
    private final WeightedTable surnameTable;
    /** [cohort][0 = male, 1 = female]. */
    private final Pool[][] pools;

    private NameBook(String[] surnames, WeightedTable surnameTable, Pool[][] pools) {
        this.surnames = surnames;
        this.surnameTable = surnameTable;
        this.pools = pools;
    }

    /** Loads the bundled surname and given-name tables. */
    public static NameBook load() {
        List<String[]> rows = BundledTsv.rows("surnames.tsv");
        String[] surnames = new String[rows.size()];
        double[] weights = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            surnames[i] = rows.get(i)[0];
            weights[i] = Double.parseDouble(rows.get(i)[1]);
        }
        Map<String, Map<String, List<String>>> cells = new LinkedHashMap<>();
        for (String[] r : BundledTsv.rows("given-names.tsv")) {
            cells.computeIfAbsent(r[0] + r[1], k -> new LinkedHashMap<>()).put(r[2], BundledTsv.items(r[3]));
        }
        Pool[][] pools = new Pool[COHORT_STARTS.length][2];
        for (int c = 0; c < COHORT_STARTS.length; c++) {
            for (int s = 0; s < 2; s++) {
                Map<String, List<String>> cell = cells.get(COHORT_STARTS[c] + (s == 0 ? "M" : "F"));
                if (cell == null) {
                    throw new IllegalStateException("no given names for cohort " + COHORT_STARTS[c]);
                }
                pools[c][s] = new Pool(List.copyOf(cell.get("name")), chars(cell.get("single")),
                        chars(cell.get("first")), chars(cell.get("second")));
            }
        }
        return new NameBook(surnames, new WeightedTable(weights), pools);
    }

    private static char[] chars(List<String> items) {
        char[] c = new char[items.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = items.get(i).charAt(0);
        }
        return c;
    }

    public String surname(int index) {
        return surnames[index];
    }

    public int drawSurname(SplittableRandom r) {
        return surnameTable.pick(r);
    }

    private static int cohort(int birthYear) {
        int c = 0;
        while (c + 1 < COHORT_STARTS.length && birthYear >= COHORT_STARTS[c + 1]) {
            c++;
        }
        return c;
    }

    /**
     * Draws a given name of one or two characters into {@code out[0..1]} ({@code out[1] == 0} for a one-character
     * name).
     */
    public void drawGiven(SplittableRandom r, int birthYear, boolean female, char[] out) {
        int c = cohort(birthYear);
        Pool p = pools[c][female ? 1 : 0];
        double u = r.nextDouble();
        if (u < SINGLE_SHARE[c]) {
            // one-character names also draw on the name-final characters, so they are not all 静 and 斌
            char[] stock = r.nextBoolean() ? p.singles : p.seconds;
            out[0] = stock[r.nextInt(stock.length)];
            out[1] = 0;
        } else if (u < SINGLE_SHARE[c] + (1 - SINGLE_SHARE[c]) * 0.3) {
            String name = p.names.get(r.nextInt(p.names.size()));
            out[0] = name.charAt(0);
            out[1] = name.length() > 1 ? name.charAt(1) : 0;
        } else {
            out[0] = p.firsts[r.nextInt(p.firsts.length)];
            char second;
            do {
                second = p.seconds[r.nextInt(p.seconds.length)];
            } while (second == out[0]);
            out[1] = second;
        }
    }
}
