package dev.banyan.synthcity.people;

import dev.banyan.synthcity.reference.BundledTsv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The history of Fujian's county codes (行政区划代码沿革) from GB/T 2260 revisions 1980-2019.
 *
 * <p>An identity number keeps the county code in force when it was first issued, so a person registered in Changle in
 * 1990 carries {@code 350126} (长乐县), one registered in 2005 {@code 350182} (长乐市) and a baby of 2020
 * {@code 350112} (长乐区). Codes are matched across renamings by the name without its 县/市/区 suffix.
 */
public final class DivisionHistory {

    private static final int OPEN_END = 999_999;

    private record Row(String code, String name, String stem, int first, int last) {
    }

    private final List<Row> rows;
    private final Map<String, String> currentNames;

    private DivisionHistory(List<Row> rows, Map<String, String> currentNames) {
        this.rows = rows;
        this.currentNames = currentNames;
    }

    /** Loads the bundled Fujian rows of the historical table. */
    public static DivisionHistory load() {
        List<Row> rows = new ArrayList<>();
        Map<String, String> current = new LinkedHashMap<>();
        for (String[] r : BundledTsv.rows("gb2260-fujian.tsv")) {
            int last = Integer.parseInt(r[3]);
            // the 2019 revision is the newest in the table; codes still in it are taken as valid until now
            rows.add(new Row(r[0], r[1], stem(r[1]), Integer.parseInt(r[2]), last == 201904 ? OPEN_END : last));
            if (last == 201904) {
                current.put(r[0], r[1]);
            }
        }
        return new DivisionHistory(List.copyOf(rows), current);
    }

    private static String stem(String name) {
        if (name.length() > 2 && (name.endsWith("县") || name.endsWith("市") || name.endsWith("区"))) {
            return name.substring(0, name.length() - 1);
        }
        return name;
    }

    /**
     * The code under which a county that today has {@code currentCode} was registered in {@code year}. Among codes of
     * the same place valid during that year the most recently introduced one wins.
     */
    public String codeInForce(String currentCode, int year) {
        String name = currentNames.get(currentCode);
        if (name == null) {
            return currentCode;
        }
        String stem = stem(name);
        int yearStart = year * 100 + 1;
        int yearEnd = year * 100 + 12;
        Row best = null;
        for (Row r : rows) {
            if (r.stem.equals(stem) && !isPrefecture(r.code) && r.first <= yearEnd && r.last >= yearStart
                    && (best == null || r.first > best.first)) {
                best = r;
            }
        }
        // before a place first appears under its own name (晋安区 was 郊区) its code was already the same
        return best == null ? currentCode : best.code;
    }

    /** County-level codes of Fujian in the 2019 revision, excluding those under {@code excludedPrefix}. */
    public List<String> currentCounties(String excludedPrefix) {
        List<String> codes = new ArrayList<>();
        for (String code : currentNames.keySet()) {
            if (!isPrefecture(code) && !code.startsWith(excludedPrefix) && !code.equals("350527")) {
                codes.add(code);
            }
        }
        return codes;
    }

    /** "福建省" + prefecture + county for a current Fujian code. */
    public String fullName(String currentCode) {
        String county = currentNames.getOrDefault(currentCode, "");
        String prefecture = currentNames.getOrDefault(currentCode.substring(0, 4) + "00", "");
        return "福建省" + prefecture + county;
    }

    private static boolean isPrefecture(String code) {
        return code.endsWith("00");
    }
}
