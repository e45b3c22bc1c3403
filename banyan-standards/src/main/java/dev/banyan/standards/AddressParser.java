package dev.banyan.standards;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Parses mainland-China addresses (地址解析) into a {@link ChineseAddress}: province, prefecture-level city,
 * county-level division with its GB/T 2260 code, township, community, road, door number and the rest.
 *
 * <p>Tolerant of how departments write addresses: with or without {@code 中国} and the province and city
 * ({@code 福建省福州市鼓楼区…}, {@code 福州市鼓楼区…}, {@code 鼓楼区…}, {@code 福州鼓楼…}); with names of
 * any GB/T 2260 revision since 1980 ({@code 福州市郊区}, {@code 长乐市}, {@code 福清县}); with full-width
 * digits, spaces and traditional characters ({@code 鼓樓區}). A parser made {@link #forCity(String, Gazetteer)
 * for a city} reads an address that starts at the district as being in that city when the district's name
 * is ambiguous nationally (鼓楼区 is in Nanjing, Xuzhou, Fuzhou and Kaifeng), accepts district names without
 * their suffix ({@code 鼓楼}), and uses its {@link Gazetteer} to recognise townships and communities — and
 * to find the district of an address that names only its township or community.
 *
 * <p>Refused, each with its own problem code: addresses in which no county-level division can be found
 * ({@link #NO_DIVISION}), whose district could be in several cities ({@link #AMBIGUOUS_DIVISION}), whose
 * district is not in the city or province written before it, or whose township is in another district
 * ({@link #INCONSISTENT}), and text longer than {@value #MAX_LENGTH} characters.
 *
 * <p>Grid cells (单元网格) are the server's business: give the parser a {@link GridLocator} with
 * {@link #withGridLocator(GridLocator)}. Instances are immutable and thread-safe.
 */
public final class AddressParser implements StandardisationRule<ChineseAddress> {

    /** Problem code: no county-level division (or prefecture-level city without counties) found. */
    public static final String NO_DIVISION = "address.no-division";
    /** Problem code: a division name that fits several places. */
    public static final String AMBIGUOUS_DIVISION = "address.ambiguous-division";
    /** Problem code: levels that do not belong together (思明区 under 福州市). */
    public static final String INCONSISTENT = "address.inconsistent";
    /** Problem code: longer than {@value #MAX_LENGTH} characters. */
    public static final String TOO_LONG = "address.too-long";

    /** The longest address accepted, in characters after normalisation. */
    public static final int MAX_LENGTH = 200;

    private static final String[] ROAD_SUFFIXES = {"大道", "大街", "胡同", "路", "街", "道", "巷", "弄", "里", "埕"};
    private static final String[] COMMITTEE_SUFFIXES = {"居民委员会", "村民委员会", "居委会", "村委会"};
    private static final int LONGEST_GENERIC_NAME = 12;

    private final AdministrativeDivisions divisions;
    private final DivisionNameIndex index;
    private final String cityCode;
    private final String cityPrefix;
    private final Gazetteer gazetteer;
    private final GridLocator gridLocator;

    private AddressParser(String cityCode, Gazetteer gazetteer, GridLocator gridLocator) {
        this.divisions = AdministrativeDivisions.load();
        this.index = DivisionNameIndex.bundled();
        this.cityCode = cityCode;
        this.cityPrefix = cityCode == null ? null
                : Division.Level.of(cityCode) == Division.Level.PROVINCE ? cityCode.substring(0, 2) : cityCode.substring(0, 4);
        this.gazetteer = gazetteer;
        this.gridLocator = gridLocator;
    }

    /** A parser without a home city or gazetteer: district names must be unambiguous or come after their city. */
    public static AddressParser nationwide() {
        return new AddressParser(null, Gazetteer.none(), null);
    }

    /**
     * A parser for the records of one city.
     *
     * @param cityCode  the GB/T 2260 code of a current prefecture-level city (e.g. {@code 350100}) or
     *                  municipality (e.g. {@code 110000})
     * @param gazetteer its townships and communities, or {@link Gazetteer#none()}
     * @throws IllegalArgumentException if {@code cityCode} is not such a code
     */
    public static AddressParser forCity(String cityCode, Gazetteer gazetteer) {
        Objects.requireNonNull(gazetteer, "gazetteer");
        AdministrativeDivisions divisions = AdministrativeDivisions.load();
        Optional<Division> city = divisions.current(cityCode == null ? "" : cityCode);
        boolean municipality = city.isPresent() && city.get().level() == Division.Level.PROVINCE
                && !divisions.childrenOf(cityCode).isEmpty()
                && divisions.childrenOf(cityCode).stream().allMatch(d -> d.level() == Division.Level.COUNTY);
        if (city.isEmpty() || !(city.get().level() == Division.Level.PREFECTURE || municipality)) {
            throw new IllegalArgumentException("not a current prefecture-level city or municipality: " + cityCode);
        }
        return new AddressParser(cityCode, gazetteer, null);
    }

    /** The parser for Fuzhou (福州市, 350100) with the bundled {@link Gazetteer#fuzhou() gazetteer}: Banyan's demo city. */
    public static AddressParser fuzhou() {
        return forCity("350100", Gazetteer.fuzhou());
    }

    /** The same parser asking {@code locator} for the grid cell of every address it parses. */
    public AddressParser withGridLocator(GridLocator locator) {
        return new AddressParser(cityCode, gazetteer, Objects.requireNonNull(locator, "locator"));
    }

    /** The normalised text that parsing reads: half-width, without spaces, in simplified characters. */
    public static String normalise(String raw) {
        return TraditionalChinese.toSimplified(Spacing.removeAll(FullWidth.toHalfWidth(raw)));
    }

    @Override
    public ParseResult<ChineseAddress> parse(String raw) {
        if (Spacing.isBlank(raw)) {
            return ParseResult.empty("address");
        }
        String s = normalise(raw);
        if (s.length() > MAX_LENGTH) {
            return ParseResult.invalid(TOO_LONG, "address has " + s.length() + " characters, more than " + MAX_LENGTH
                    + "; is it several fields run together?");
        }
        Reading r = new Reading(raw, s);
        ParseResult<ChineseAddress> problem = r.divisions();
        if (problem != null) {
            return problem;
        }
        problem = r.townshipAndCommunity();
        if (problem != null) {
            return problem;
        }
        r.roadNumberAndRest();
        ChineseAddress address = r.build();
        if (gridLocator != null) {
            Optional<String> cell = gridLocator.gridCellOf(address);
            if (cell != null && cell.isPresent()) {
                address = address.withGridCell(cell.get());
            }
        }
        return ParseResult.valid(address);
    }

    /** The state of parsing one address, left to right. */
    private final class Reading {

        final String raw;
        final String s;
        int i;
        String provinceCode;
        String prefectureCode;
        String countyCode;
        String countyName;
        String countyInForce;
        Township township;
        String townshipName;
        Community community;
        String communityName;
        String road;
        String number;
        String rest;

        Reading(String raw, String s) {
            this.raw = raw;
            this.s = s;
            if (s.startsWith("中华人民共和国")) {
                i = 7;
            } else if (s.startsWith("中国")) {
                i = 2;
            }
        }

        /** Province, prefecture and county; null if they are consistent and the county (or a city without counties) is found. */
        ParseResult<ChineseAddress> divisions() {
            DivisionNameIndex.Match m = index.longestAt(s, i, c -> c.level() == Division.Level.PROVINCE);
            if (m != null) {
                DivisionNameIndex.Candidate c = inForceFirst(m.candidates());
                if (!c.stem() || isFollowedByDivisionOf(m.end(), c.code().substring(0, 2))) {
                    provinceCode = c.code();
                    i = m.end();
                }
            }
            String provincePrefix = provinceCode == null ? "" : provinceCode.substring(0, 2);
            m = index.longestAt(s, i, c -> c.level() == Division.Level.PREFECTURE && c.code().startsWith(provincePrefix));
            if (m != null) {
                int end = m.end();
                List<DivisionNameIndex.Candidate> candidates = m.candidates().stream()
                        .filter(c -> !c.stem() || isFollowedByDivisionOf(end, c.code().substring(0, 4)))
                        .toList();
                if (!candidates.isEmpty()) {
                    DivisionNameIndex.Candidate c = choose(candidates);
                    if (c == null) {
                        return ambiguous(s.substring(i, end), candidates);
                    }
                    prefectureCode = c.code();
                    i = end;
                }
            }
            if (prefectureCode == null && provinceCode != null) {
                DivisionNameIndex.Match other = index.longestAt(s, i,
                        c -> c.level() == Division.Level.PREFECTURE && !c.stem());
                if (other != null) {
                    return inconsistent(other, provinceCode);
                }
            }
            String scope = prefectureCode != null ? prefectureCode.substring(0, 4)
                    : provinceCode != null ? provinceCode.substring(0, 2) : "";
            String stemScope = !scope.isEmpty() ? scope : cityPrefix;
            boolean stems = prefectureCode != null || (provinceCode == null && cityPrefix != null);
            m = index.longestAt(s, i, c -> c.level() == Division.Level.COUNTY && c.code().startsWith(scope)
                    && (!c.stem() || (stems && c.code().startsWith(stemScope))));
            if (m != null && m.candidates().stream().allMatch(DivisionNameIndex.Candidate::stem) && !stemMayEndAt(m.end())) {
                m = index.longestAt(s, i, c -> c.level() == Division.Level.COUNTY && c.code().startsWith(scope) && !c.stem());
            }
            if (m == null && !scope.isEmpty()) {
                DivisionNameIndex.Match other = index.longestAt(s, i, c -> c.level() == Division.Level.COUNTY && !c.stem());
                if (other != null) {
                    return inconsistent(other, prefectureCode != null ? prefectureCode : provinceCode);
                }
            }
            if (m != null) {
                DivisionNameIndex.Candidate c = choose(m.candidates());
                if (c == null) {
                    return ambiguous(s.substring(i, m.end()), m.candidates());
                }
                setCounty(c.code(), c.name());
                i = m.end();
                return null;
            }
            // No county written: a township or community of the written city (or the home city) may tell it.
            String area = prefectureCode != null ? prefectureCode : provinceCode == null ? cityCode : null;
            if (area != null && findCountyByPlace(area)) {
                return null;
            }
            if (prefectureCode == null && provinceCode == null && cityCode != null
                    && divisions.childrenOf(cityCode).isEmpty()) {
                prefectureCode = cityCode; // the home city has no counties: the address is in it
            }
            if (prefectureCode != null && divisions.childrenOf(prefectureCode).isEmpty()
                    && divisions.current(prefectureCode).isPresent()) {
                return null; // a city without counties, such as 东莞市
            }
            String example = cityCode == null ? "福州市鼓楼区… or 北京市朝阳区…"
                    : divisions.lastKnownName(cityCode).orElse("") + divisions.childrenOf(cityCode).get(0).name()
                    + "… or " + divisions.childrenOf(cityCode).get(0).name() + "…";
            return ParseResult.invalid(NO_DIVISION, "no district or county found in '" + raw.strip() + "'; start the"
                    + " address with its district or county, e.g. " + example);
        }

        private void setCounty(String code, String name) {
            countyCode = code;
            countyName = name;
            countyInForce = divisions.currentEquivalent(code).orElse(null);
        }

        /** The county of the longest township (or else community) name at {@code i} in the area's counties, if only one has it. */
        private boolean findCountyByPlace(String area) {
            Township bestTownship = null;
            Community bestCommunity = null;
            Township communityTownship = null;
            Set<String> counties = new LinkedHashSet<>();
            for (Division county : divisions.childrenOf(area)) {
                for (Township t : gazetteer.townships(county.code())) {
                    if (s.startsWith(t.name(), i)) {
                        if (bestTownship == null || t.name().length() > bestTownship.name().length()) {
                            bestTownship = t;
                            counties.clear();
                        }
                        if (t.name().length() == bestTownship.name().length()) {
                            counties.add(county.code());
                        }
                    }
                }
            }
            if (bestTownship == null) {
                for (Division county : divisions.childrenOf(area)) {
                    for (Township t : gazetteer.townships(county.code())) {
                        for (Community c : gazetteer.communities(t.code())) {
                            if (s.startsWith(c.name(), i)) {
                                if (bestCommunity == null || c.name().length() > bestCommunity.name().length()) {
                                    bestCommunity = c;
                                    communityTownship = t;
                                    counties.clear();
                                }
                                if (c.name().length() == bestCommunity.name().length()) {
                                    counties.add(county.code());
                                }
                            }
                        }
                    }
                }
            }
            if (counties.size() != 1) {
                return false;
            }
            String county = counties.iterator().next();
            setCounty(county, divisions.current(county).map(Division::name).orElse(null));
            if (bestTownship != null) {
                township = bestTownship;
                i += bestTownship.name().length();
            } else {
                township = communityTownship;
                community = bestCommunity;
                i += bestCommunity.name().length();
                skipCommittee();
            }
            return true;
        }

        /** Township and community after the county; null unless the township belongs to another district. */
        ParseResult<ChineseAddress> townshipAndCommunity() {
            List<Township> townships = countyInForce == null ? List.of() : gazetteer.townships(countyInForce);
            if (township == null && community == null) {
                township = longestTownshipAt(townships);
                if (township != null) {
                    i += township.name().length();
                } else {
                    String generic = genericTownshipAt();
                    if (generic != null) {
                        if (!townships.isEmpty()) {
                            Township elsewhere = townshipElsewhere(generic);
                            if (elsewhere != null) {
                                return ParseResult.invalid(INCONSISTENT, "'" + generic + "' is in "
                                        + divisions.lastKnownName(elsewhere.countyCode()).orElse(elsewhere.countyCode())
                                        + ", not in " + countyName + " ('" + raw.strip() + "')");
                            }
                        }
                        townshipName = generic;
                        i += generic.length();
                    }
                }
            }
            if (community == null) {
                List<Township> searched = township != null ? List.of(township) : townshipName != null ? List.of() : townships;
                for (Township t : searched) {
                    for (Community c : gazetteer.communities(t.code())) {
                        if (s.startsWith(c.name(), i) && (community == null || c.name().length() > community.name().length())) {
                            community = c;
                            if (township == null) {
                                township = t;
                            }
                        }
                    }
                }
                if (community != null) {
                    i += community.name().length();
                    skipCommittee();
                } else {
                    communityName = genericCommunityAt();
                    if (communityName != null) {
                        i += communityName.length();
                        skipCommittee();
                    }
                }
            }
            return null;
        }

        private Township longestTownshipAt(List<Township> townships) {
            Township best = null;
            for (Township t : townships) {
                if (s.startsWith(t.name(), i) && (best == null || t.name().length() > best.name().length())) {
                    best = t;
                }
            }
            return best;
        }

        /** A township of another county of the same city with exactly this name, or null. */
        private Township townshipElsewhere(String name) {
            String prefecture = countyInForce.substring(0, 4) + "00";
            for (Division county : divisions.childrenOf(prefecture)) {
                if (county.code().equals(countyInForce)) {
                    continue;
                }
                for (Township t : gazetteer.townships(county.code())) {
                    if (t.name().equals(name)) {
                        return t;
                    }
                }
            }
            return null;
        }

        /** A name ending in 街道, 镇 or 乡 at {@code i}, without digits or road words, or null. */
        private String genericTownshipAt() {
            int limit = Math.min(s.length(), i + LONGEST_GENERIC_NAME);
            for (int p = i + 1; p < limit; p++) {
                char c = s.charAt(p);
                int end;
                if (c == '街' && p + 1 < s.length() && s.charAt(p + 1) == '道') {
                    end = p + 2;
                } else if (c == '镇' || c == '乡') {
                    end = p + 1;
                } else {
                    continue;
                }
                String name = s.substring(i, end);
                return isPlainName(name) ? name : null;
            }
            return null;
        }

        /** A name ending in 社区, or in 村 after a town, at {@code i}, without digits or road words, or null. */
        private String genericCommunityAt() {
            int limit = Math.min(s.length(), i + LONGEST_GENERIC_NAME);
            String townName = township != null ? township.name() : townshipName;
            boolean rural = townName != null && (townName.endsWith("镇") || townName.endsWith("乡"));
            for (int p = i + 1; p < limit; p++) {
                char c = s.charAt(p);
                int end;
                if (c == '社' && p + 1 < s.length() && s.charAt(p + 1) == '区') {
                    end = p + 2;
                } else if (c == '村' && rural && s.charAt(p - 1) != '新') {
                    end = p + 1;
                } else {
                    continue;
                }
                String name = s.substring(i, end);
                return isPlainName(name) ? name : null;
            }
            return null;
        }

        private boolean isPlainName(String name) {
            for (int k = 0; k < name.length(); k++) {
                char c = name.charAt(k);
                if ((c >= '0' && c <= '9') || c == '路' || c == '号' || c == '巷' || c == '弄' || c == '#' || c == '-') {
                    return false;
                }
            }
            return true;
        }

        /** Skips 居委会, 村委会 and their long forms after a community. */
        private void skipCommittee() {
            for (String suffix : COMMITTEE_SUFFIXES) {
                if (s.startsWith(suffix, i)) {
                    i += suffix.length();
                    return;
                }
            }
            if (s.startsWith("委会", i) && s.charAt(i - 1) == '村') {
                i += 2;
            }
        }

        /** Road and door number if the text after the community starts with them; the rest as it is. */
        void roadNumberAndRest() {
            String r = s.substring(i);
            int n = r.length();
            for (int j = 0; j < n; j++) {
                if (!isDigit(r.charAt(j)) || (j > 0 && isDigit(r.charAt(j - 1)))) {
                    continue;
                }
                int k = j;
                while (k < n && isDigit(r.charAt(k))) {
                    k++;
                }
                while (k + 1 < n && r.charAt(k) == '-' && isDigit(r.charAt(k + 1))) {
                    k++;
                    while (k < n && isDigit(r.charAt(k))) {
                        k++;
                    }
                }
                if (k >= n || r.charAt(k) != '号' || (k + 1 < n && r.charAt(k + 1) == '楼')) {
                    j = k - 1;
                    continue;
                }
                int start = j > 0 && r.charAt(j - 1) == '附' ? j - 1 : j;
                int end = k + 1;
                if (end < n && r.charAt(end) == '之') {
                    int e = end + 1;
                    while (e < n && (isDigit(r.charAt(e)) || ChineseNumerals.digit(r.charAt(e)) >= 0 || r.charAt(e) == '十')) {
                        e++;
                    }
                    if (e > end + 1) {
                        end = e;
                    }
                }
                String before = r.substring(0, start);
                if (before.isEmpty() || endsWithRoadSuffix(before)) {
                    road = before.isEmpty() ? null : before;
                    number = r.substring(start, end);
                    rest = end < n ? r.substring(end) : null;
                    return;
                }
                break;
            }
            if (n == 0) {
                return;
            }
            if (endsWithRoadSuffix(r) && r.chars().noneMatch(c -> c >= '0' && c <= '9')) {
                road = r;
            } else {
                rest = r;
            }
        }

        ChineseAddress build() {
            String division = countyCode != null ? countyCode : prefectureCode != null ? prefectureCode : provinceCode;
            String inForce = countyCode != null ? countyInForce : divisions.currentEquivalent(division).orElse(null);
            String provinceName = name(division.substring(0, 2) + "0000");
            String prefectureName = prefectureOf(division);
            String standardDivision = inForce != null ? inForce : division;
            StringBuilder text = new StringBuilder(64);
            text.append(name(standardDivision.substring(0, 2) + "0000"));
            String standardPrefecture = prefectureOf(standardDivision);
            if (standardPrefecture != null) {
                text.append(standardPrefecture);
            }
            if (Division.Level.of(standardDivision) == Division.Level.COUNTY) {
                text.append(name(standardDivision));
            }
            String townName = township != null ? township.name() : townshipName;
            String communityText = community != null ? community.name() : communityName;
            append(text, townName);
            append(text, communityText);
            append(text, road);
            append(text, number);
            append(text, rest);
            return new ChineseAddress(raw, provinceName, prefectureName, countyName, division, inForce, townName,
                    township == null ? null : township.code(), communityText, community == null ? null : community.code(),
                    road, number, rest, text.toString(), null);
        }

        private void append(StringBuilder b, String part) {
            if (part != null) {
                b.append(part);
            }
        }

        private String name(String code) {
            return divisions.lastKnownName(code).orElse("");
        }

        /** The prefecture name of a county or prefecture code, or null where there is none (municipal districts). */
        private String prefectureOf(String code) {
            if (Division.Level.of(code) == Division.Level.PROVINCE) {
                return null;
            }
            String prefecture = code.substring(0, 4) + "00";
            Optional<String> name = divisions.lastKnownName(prefecture);
            return name.isPresent() && !DivisionNames.isPlaceholder(name.get()) ? name.get() : null;
        }

        private boolean isFollowedByDivisionOf(int position, String codePrefix) {
            return index.longestAt(s, position,
                    c -> c.level() != Division.Level.PROVINCE && c.code().startsWith(codePrefix)) != null;
        }

        /** A district name without suffix ends where a road, township or further division name does not begin. */
        private boolean stemMayEndAt(int end) {
            if (end >= s.length()) {
                return false;
            }
            char c = s.charAt(end);
            if ("路街道巷弄里埕镇乡村区县市".indexOf(c) >= 0) {
                return false;
            }
            if (end + 1 < s.length() && "东西南北中大支环".indexOf(c) >= 0 && "路街道".indexOf(s.charAt(end + 1)) >= 0) {
                return false;
            }
            return true;
        }

        /**
         * One of the candidates: those in the home city, else in its province, if any; of those, the ones whose
         * area today is known, if any; then, if they all stand for the same area today, the one in force. Null if
         * several areas remain.
         */
        private DivisionNameIndex.Candidate choose(List<DivisionNameIndex.Candidate> candidates) {
            List<DivisionNameIndex.Candidate> pool = candidates;
            if (pool.size() > 1 && cityPrefix != null) {
                List<DivisionNameIndex.Candidate> inCity = pool.stream().filter(c -> c.code().startsWith(cityPrefix)).toList();
                if (!inCity.isEmpty()) {
                    pool = inCity;
                } else {
                    String province = cityPrefix.substring(0, 2);
                    List<DivisionNameIndex.Candidate> inProvince = pool.stream().filter(c -> c.code().startsWith(province)).toList();
                    if (!inProvince.isEmpty()) {
                        pool = inProvince;
                    }
                }
            }
            if (pool.size() == 1) {
                return pool.get(0);
            }
            // Candidates whose area today is known; a retired code without a known successor (仙桃市 of the old
            // 荆州地区) gives way to a code in force with the same name.
            List<DivisionNameIndex.Candidate> known = pool.stream()
                    .filter(c -> divisions.currentEquivalent(c.code()).isPresent()).toList();
            if (!known.isEmpty()) {
                pool = known;
            }
            String area = null;
            for (DivisionNameIndex.Candidate c : pool) {
                String today = divisions.currentEquivalent(c.code()).orElse(c.code());
                if (area == null) {
                    area = today;
                } else if (!area.equals(today)) {
                    return null;
                }
            }
            return inForceFirst(pool);
        }

        private DivisionNameIndex.Candidate inForceFirst(List<DivisionNameIndex.Candidate> candidates) {
            for (DivisionNameIndex.Candidate c : candidates) {
                if (divisions.currentEquivalent(c.code()).filter(c.code()::equals).isPresent()) {
                    return c;
                }
            }
            return candidates.get(0);
        }

        private ParseResult<ChineseAddress> ambiguous(String text, List<DivisionNameIndex.Candidate> candidates) {
            Set<String> places = new LinkedHashSet<>();
            for (DivisionNameIndex.Candidate c : candidates) {
                places.add(divisions.fullName(c.code()));
            }
            return ParseResult.invalid(AMBIGUOUS_DIVISION, "'" + text + "' in '" + raw.strip() + "' could be any of "
                    + String.join(", ", places) + "; write the city (and province) before it");
        }

        private ParseResult<ChineseAddress> inconsistent(DivisionNameIndex.Match other, String writtenCode) {
            List<String> where = new ArrayList<>();
            for (DivisionNameIndex.Candidate c : other.candidates()) {
                where.add(divisions.fullName(c.code()));
            }
            String written = divisions.fullName(writtenCode);
            return ParseResult.invalid(INCONSISTENT, "'" + s.substring(i, other.end()) + "' is not in " + written
                    + " (it is " + String.join(" or ", where) + "); check the address '" + raw.strip() + "'");
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean endsWithRoadSuffix(String text) {
        if (text.length() < 2) {
            return false;
        }
        for (String suffix : ROAD_SUFFIXES) {
            if (text.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }
}
