package dev.banyan.standards;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The administrative division codes (行政区划代码) of GB/T 2260: the table of the current revision and the
 * names every code has carried since 1980.
 *
 * <p>"Current" means revision {@value #CURRENT_REVISION} of the Ministry of Civil Affairs, the latest in
 * the bundled cn/GB2260 data. Later changes are not in that table; the few Fujian ones of 2021 (e.g.
 * {@code 350404} 三元区, {@code 350604} 龙海区) are bundled separately and known to
 * {@link #everExisted(String)} and {@link #fullName(String)} only. See {@code gb2260/README.md}.
 *
 * <p>Codes are reused: {@code 350111} was 郊区 until 1994 and 晋安区 from 1995. Identity numbers keep the
 * code in force when they were issued, so validate them with {@link #everExisted(String)}, not
 * {@link #current(String)}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class AdministrativeDivisions {

    /** The MCA revision (year and month) that {@link #current(String)} reflects. */
    public static final String CURRENT_REVISION = "2019-04";

    private static final String CURRENT_RESOURCE = "gb2260/current-2019.tsv";
    private static final String HISTORICAL_RESOURCE = "gb2260/historical.tsv";
    private static final String AFTER_2019_RESOURCE = "gb2260/after-2019.tsv";

    private final Map<String, Division> current;
    private final Map<String, List<Division>> children;
    private final Map<String, String> lastKnownName;
    private final Map<String, List<String>> codesByName;
    private final Map<String, String> replacedBy;
    private final Map<String, String> latestByParentAndStem;

    private AdministrativeDivisions(Map<String, Division> current, Map<String, List<Division>> children,
                                    Map<String, String> lastKnownName, Map<String, List<String>> codesByName,
                                    Map<String, String> replacedBy) {
        this.current = current;
        this.children = children;
        this.lastKnownName = lastKnownName;
        this.codesByName = codesByName;
        this.replacedBy = replacedBy;
        this.latestByParentAndStem = latestByParentAndStem();
    }

    /** The bundled tables, read once (a few milliseconds) and shared. */
    public static AdministrativeDivisions load() {
        return Bundled.INSTANCE;
    }

    // Holder idiom: loads on first use, without locking on every call.
    private static final class Bundled {
        static final AdministrativeDivisions INSTANCE = loadBundled();
    }

    private static AdministrativeDivisions loadBundled() {
        Map<String, String> currentNames = new TreeMap<>();
        readTsv(CURRENT_RESOURCE, 2, row -> currentNames.put(row[0], row[1]));

        Map<String, Division> current = new LinkedHashMap<>();
        Map<String, List<Division>> children = new HashMap<>();
        for (Map.Entry<String, String> e : currentNames.entrySet()) {
            String code = e.getKey();
            Division.Level level = Division.Level.of(code);
            String parent = switch (level) {
                case PROVINCE -> null;
                case PREFECTURE -> DivisionCodes.provinceOf(code);
                // Counties without a prefecture row (Beijing's districts, 仙桃市 …) hang off the province.
                case COUNTY -> currentNames.containsKey(DivisionCodes.prefectureOf(code))
                        ? DivisionCodes.prefectureOf(code) : DivisionCodes.provinceOf(code);
            };
            Division division = new Division(code, e.getValue(), level, parent);
            current.put(code, division);
            if (parent != null) {
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(division);
            }
        }
        children.replaceAll((k, v) -> List.copyOf(v));

        // Most recent name of every code ever listed: historical rows by last revision, then the current
        // table, then the post-2019 supplement, each overriding what came before.
        Map<String, String> lastKnown = new HashMap<>();
        Map<String, String> lastRevision = new HashMap<>();
        Map<String, TreeSet<String>> byName = new HashMap<>();
        readTsv(HISTORICAL_RESOURCE, 4, row -> {
            byName.computeIfAbsent(row[1], k -> new TreeSet<>()).add(row[0]);
            String seen = lastRevision.get(row[0]);
            if (seen == null || row[3].compareTo(seen) > 0) {
                lastRevision.put(row[0], row[3]);
                lastKnown.put(row[0], row[1]);
            }
        });
        lastKnown.putAll(currentNames);
        currentNames.forEach((code, name) -> byName.computeIfAbsent(name, k -> new TreeSet<>()).add(code));
        Map<String, String> replacedBy = new HashMap<>();
        readTsv(AFTER_2019_RESOURCE, 2, row -> {
            lastKnown.put(row[0], row[1]);
            byName.computeIfAbsent(row[1], k -> new TreeSet<>()).add(row[0]);
            if (row.length >= 4) {
                // "350402 梅列区, 350403 三元区": the codes this one replaced.
                for (String replaced : row[3].split(",")) {
                    String code = replaced.strip().split(" ")[0];
                    if (DivisionCodes.isWellFormed(code) && !code.equals(row[0])) {
                        replacedBy.put(code, row[0]);
                    }
                }
            }
        });
        Map<String, List<String>> codesByName = new HashMap<>();
        byName.forEach((name, codes) -> codesByName.put(name, List.copyOf(codes)));

        return new AdministrativeDivisions(Collections.unmodifiableMap(current), Map.copyOf(children),
                Map.copyOf(lastKnown), Map.copyOf(codesByName), Map.copyOf(replacedBy));
    }

    /**
     * For every code in force today (the current table less the codes replaced after 2019, plus their
     * replacements): parent prefix + stem of its name → code, where that key is unique.
     */
    private Map<String, String> latestByParentAndStem() {
        Map<String, String> byKey = new HashMap<>();
        Map<String, Boolean> duplicate = new HashMap<>();
        for (String code : lastKnownName.keySet()) {
            if (!isInForce(code)) {
                continue;
            }
            String key = parentAndStemKey(code);
            if (key == null) {
                continue;
            }
            if (byKey.putIfAbsent(key, code) != null) {
                duplicate.put(key, true);
            }
        }
        duplicate.keySet().forEach(byKey::remove);
        return byKey;
    }

    private boolean isInForce(String code) {
        return !replacedBy.containsKey(code) && (current.containsKey(code) || replacedBy.containsValue(code));
    }

    /** {@code 3501|长乐} for 350112 长乐区; provinces get no key. */
    private String parentAndStemKey(String code) {
        String stem = DivisionNames.stem(lastKnownName.get(code));
        if (stem == null) {
            return null;
        }
        return switch (Division.Level.of(code)) {
            case PROVINCE -> null;
            case PREFECTURE -> code.substring(0, 2) + "|" + stem;
            case COUNTY -> code.substring(0, 4) + "|" + stem;
        };
    }

    /** Reads a tab-separated resource with a header line; every row must start with a six-digit code. */
    private static void readTsv(String resource, int minColumns, Consumer<String[]> rowHandler) {
        try (InputStream in = AdministrativeDivisions.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine(); // header
            String line;
            int lineNumber = 1;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] row = line.strip().split("\t");
                if (row.length < minColumns || !DivisionCodes.isWellFormed(row[0])) {
                    throw new IllegalStateException(resource + " line " + lineNumber + " is malformed: " + line);
                }
                rowHandler.accept(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** The division with this code in the current revision, if any. */
    public Optional<Division> current(String code) {
        return Optional.ofNullable(current.get(code));
    }

    /**
     * True if {@code code} appears in any GB/T 2260 revision from 1980 on (or in the bundled post-2019
     * supplement) — the test for the address code of an identity number.
     */
    public boolean everExisted(String code) {
        return code != null && lastKnownName.containsKey(code);
    }

    /**
     * The most recent name of {@code code}: its current name, or for a retired code the name it had in
     * the last revision that listed it.
     */
    public Optional<String> lastKnownName(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(lastKnownName.get(code));
    }

    /**
     * The divisions directly under {@code code} in the current revision, in code order: the counties of
     * a prefecture (e.g. the 13 of {@code 350100} 福州市), or the prefectures — and the counties without
     * a prefecture — of a province. Empty for a county or an unknown code.
     */
    public List<Division> childrenOf(String code) {
        return code == null ? List.of() : children.getOrDefault(code, List.of());
    }

    /** The provinces of the current revision, in code order. */
    public List<Division> provinces() {
        return current.values().stream().filter(d -> d.level() == Division.Level.PROVINCE).toList();
    }

    /**
     * The full name from the province down, e.g. {@code 福建省福州市鼓楼区} for {@code 350102} or
     * {@code 北京市朝阳区} for {@code 110105}. Retired codes get the most recent name of each level,
     * e.g. {@code 福建省福州市长乐县} for {@code 350126}.
     *
     * @throws IllegalArgumentException if the code is in no revision
     */
    public String fullName(String code) {
        if (!everExisted(code)) {
            throw new IllegalArgumentException("not a GB/T 2260 code in any revision: " + code);
        }
        StringBuilder sb = new StringBuilder();
        String province = DivisionCodes.provinceOf(code);
        String prefecture = DivisionCodes.prefectureOf(code);
        sb.append(lastKnownName.getOrDefault(province, ""));
        if (!prefecture.equals(province)) {
            // Absent for municipalities and province-governed counties, which is what we want.
            sb.append(lastKnownName.getOrDefault(prefecture, ""));
        }
        if (!code.equals(prefecture)) {
            sb.append(lastKnownName.get(code));
        }
        return sb.toString();
    }

    /**
     * The codes that have carried {@code name} in any revision from 1980 on (or in the post-2019 supplement),
     * in code order: {@code 鼓楼区} → 320106, 320302, 350102, 410204 (Nanjing, Xuzhou, Fuzhou, Kaifeng);
     * {@code 长乐市} → 350182 (retired in 2017). Empty for a name never used.
     */
    public List<String> codesEverNamed(String name) {
        return name == null ? List.of() : codesByName.getOrDefault(name, List.of());
    }

    /** Every name any code has carried, with those codes (for building name indexes). */
    Map<String, List<String>> codesByName() {
        return codesByName;
    }

    /**
     * The code in force today for the area that {@code code} names, where the tables tell it:
     * <ul>
     *   <li>a code of the current revision not replaced since: itself (also for reused codes such as
     *       {@code 350111}, 郊区 until 1994 and 晋安区 since);</li>
     *   <li>a code replaced after 2019 (post-2019 supplement): its replacement ({@code 350681} 龙海市 →
     *       {@code 350604} 龙海区; {@code 350402} 梅列区 → {@code 350404} 三元区);</li>
     *   <li>a retired code: the code in force under the same parent whose name has the same stem
     *       ({@code 350182} 长乐市 and {@code 350126} 长乐县 → {@code 350112} 长乐区; {@code 350127} 福清县 →
     *       {@code 350181} 福清市).</li>
     * </ul>
     * Empty for a retired code none of these rules resolves (its area was split or merged under another
     * name), and for a code in no revision.
     */
    public Optional<String> currentEquivalent(String code) {
        if (!everExisted(code)) {
            return Optional.empty();
        }
        String c = code;
        for (int hops = 0; hops < 5 && replacedBy.containsKey(c); hops++) {
            c = replacedBy.get(c);
        }
        if (isInForce(c)) {
            return Optional.of(c);
        }
        String key = parentAndStemKey(c);
        return key == null ? Optional.empty() : Optional.ofNullable(latestByParentAndStem.get(key));
    }

    /** The number of codes in the current revision. */
    public int currentSize() {
        return current.size();
    }
}
