package dev.banyan.synthcity;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The city looks like a Chinese, Fuzhou-like city: its pyramid, names, households, places and codes. */
class RealismTest {

    private final GeneratedCity city = GeneratedCities.of(Profile.NORMAL);
    private final Collection<Map<String, String>> people = city.personsMaster().values();

    @Test
    void sexRatioAndAgePyramidArePlausible() {
        long men = people.stream().filter(p -> p.get("sex").equals("男")).count();
        long women = people.size() - men;
        assertThat((double) men / women).isBetween(1.0, 1.1);
        Map<Integer, Long> byAge = people.stream().collect(Collectors.groupingBy(
                p -> 2025 - Integer.parseInt(p.get("birth_date").substring(0, 4)), Collectors.counting()));
        double children = share(byAge, 0, 14);
        double elderly = share(byAge, 65, 120);
        assertThat(children).isBetween(0.10, 0.22);
        assertThat(elderly).isBetween(0.08, 0.22);
        assertThat(share(byAge, 30, 59)).isBetween(0.35, 0.55);
        assertThat(people).allSatisfy(p -> assertThat(LocalDate.parse(p.get("birth_date")))
                .isBetween(LocalDate.of(1930, 1, 1), LocalDate.of(2025, 6, 30)));
        assertThat(people).anyMatch(p -> p.get("birth_date").startsWith("2025"));
        long dead = people.stream().filter(p -> !p.get("death_date").isEmpty()).count();
        assertThat((double) dead / people.size()).isBetween(0.01, 0.06);
    }

    private double share(Map<Integer, Long> byAge, int from, int to) {
        long n = byAge.entrySet().stream().filter(e -> e.getKey() >= from && e.getKey() <= to)
                .mapToLong(Map.Entry::getValue).sum();
        return (double) n / people.size();
    }

    @Test
    void surnamesFollowFujianAndGivenNamesFollowTheirEra() {
        Map<String, Long> surnames = people.stream().collect(Collectors.groupingBy(p -> surname(p.get("name")),
                Collectors.counting()));
        List<String> top = surnames.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(3).map(Map.Entry::getKey).toList();
        assertThat(top).containsExactlyInAnyOrder("林", "陈", "黄");
        assertThat(surnames).hasSizeGreaterThan(100);
        assertThat(surnames.keySet()).anyMatch(s -> s.length() == 2);
        for (Map<String, String> p : people) {
            int year = Integer.parseInt(p.get("birth_date").substring(0, 4));
            String given = p.get("name").substring(surname(p.get("name")).length());
            assertThat(given.length()).isBetween(1, 2);
            if (year >= 2005) {
                assertThat(given).isNotIn("建国", "秀英", "桂兰", "淑英", "卫东", "红兵");
            }
            if (year < 1960) {
                assertThat(given).isNotIn("一诺", "梓轩", "子涵", "欣怡", "沐宸", "梓涵");
            }
        }
    }

    private static String surname(String name) {
        for (String compound : List.of("欧阳", "司马", "诸葛", "上官", "司徒")) {
            if (name.startsWith(compound)) {
                return compound;
            }
        }
        return name.substring(0, 1);
    }

    @Test
    void householdsHaveOneHeadAndATypicalSize() {
        Map<String, List<Map<String, String>>> households = people.stream()
                .collect(Collectors.groupingBy(p -> p.get("household_id")));
        double average = (double) people.size() / households.size();
        assertThat(average).isBetween(2.2, 3.0);
        for (List<Map<String, String>> members : households.values()) {
            assertThat(members.stream().filter(m -> m.get("relation_to_head").equals("户主")).count()).isEqualTo(1);
            assertThat(members.stream().map(m -> m.get("address")).distinct().count()).isEqualTo(1);
        }
        Set<String> relations = people.stream().map(p -> p.get("relation_to_head")).collect(Collectors.toSet());
        assertThat(relations).contains("户主", "配偶", "子", "女", "父亲", "母亲");
    }

    @Test
    void addressesAreInRealFuzhouDistrictsWithGridCodes() {
        Map<String, String> districts = Map.ofEntries(Map.entry("350102", "鼓楼区"), Map.entry("350103", "台江区"),
                Map.entry("350104", "仓山区"), Map.entry("350105", "马尾区"), Map.entry("350111", "晋安区"),
                Map.entry("350112", "长乐区"), Map.entry("350121", "闽侯县"), Map.entry("350122", "连江县"),
                Map.entry("350123", "罗源县"), Map.entry("350124", "闽清县"), Map.entry("350125", "永泰县"),
                Map.entry("350128", "平潭县"), Map.entry("350181", "福清市"));
        Set<String> seen = new HashSet<>();
        for (Map<String, String> p : people) {
            String grid = p.get("grid_code");
            assertThat(grid).matches("\\d{15}");
            String district = districts.get(grid.substring(0, 6));
            assertThat(district).as(grid).isNotNull();
            assertThat(p.get("address")).startsWith("福建省福州市" + district);
            seen.add(district);
        }
        assertThat(seen).hasSizeGreaterThanOrEqualTo(12);
        assertThat(people).anyMatch(p -> p.get("address").contains("鼓东街道"));
        assertThat(people).anyMatch(p -> p.get("address").matches(".*村\\d+号$"));
    }

    @Test
    void companiesAreAboutOnePerTwelvePeopleWithFuzhouNames() {
        Collection<Map<String, String>> companies = city.companiesMaster().values();
        assertThat(companies).hasSize(Math.round(GeneratedCities.PERSONS / 12f));
        assertThat(companies).allSatisfy(c -> assertThat(c.get("name"))
                .matches(".*(有限公司|有限责任公司|股份有限公司|专业合作社|店|部|馆|行|厂|室|中心|所|房|介)$"));
        assertThat(companies).anyMatch(c -> c.get("name").startsWith("福州"));
        assertThat(companies).anyMatch(c -> c.get("kind").equals("个体工商户"));
        Map<String, Map<String, String>> persons = city.personsMaster();
        assertThat(companies).allSatisfy(c -> assertThat(persons).containsKey(c.get("legal_representative_person_id")));
        long employed = people.stream().filter(p -> !p.get("employer_company_id").isEmpty()).count();
        assertThat((double) employed / people.size()).isBetween(0.35, 0.6);
    }

    @Test
    void registersAgreeWithEachOther() {
        long dead = people.stream().filter(p -> !p.get("death_date").isEmpty()).count();
        assertThat(city.rows("public-security", "household_registration").stream()
                .filter(r -> r.get("人口状态").equals("死亡")).count()).isEqualTo(dead);
        assertThat(city.rows("health", "death_certificates")).hasSize((int) dead);
        List<Map<String, String>> units = city.rows("real-estate", "real_estate_units");
        assertThat(units).allSatisfy(u -> assertThat(u.get("不动产单元号"))
                .matches("35\\d{10}(GB|JC)\\d{5}F\\d{8}"));
        Set<String> unitCodes = units.stream().map(u -> u.get("不动产单元号")).collect(Collectors.toSet());
        assertThat(unitCodes).hasSize(units.size());
        assertThat(city.rows("real-estate", "right_holders")).allSatisfy(h ->
                assertThat(unitCodes).contains(h.get("不动产单元号")));
    }

    @Test
    void formatsVaryWithinMessyDepartments() {
        Function<String, String> shape = s -> s.replaceAll("\\d", "9");
        Set<String> phoneShapes = city.rows("medical-insurance", "insured_persons").stream()
                .map(r -> shape.apply(r.get("tel"))).collect(Collectors.toSet());
        assertThat(phoneShapes).contains("99999999999", "999-9999-9999", "+99 999 9999 9999").hasSizeGreaterThan(5);
        Set<String> dateShapes = city.rows("civil-affairs", "marriage_registrations").stream()
                .map(r -> shape.apply(r.get("登记日期")).replaceAll("9+", "9")).collect(Collectors.toSet());
        assertThat(dateShapes).contains("9年9月9日").hasSizeGreaterThanOrEqualTo(3);
        assertThat(city.rows("transport", "vehicles")).allSatisfy(v ->
                assertThat(v.get("plate_number")).startsWith("闽A"));
    }

    @Test
    void hardProfileWritesTraditionalCharactersAndTyposIntoNames() {
        GeneratedCity hard = GeneratedCities.of(Profile.HARD);
        Map<String, String> truth = hard.groundTruth("persons.csv");
        Map<String, Map<String, String>> master = hard.personsMaster();
        Map<String, Integer> kinds = new HashMap<>();
        for (Map<String, String> r : hard.rows("civil-affairs", "marriage_registrations")) {
            String shown = r.get("当事人姓名");
            String name = master.get(truth.get("civil-affairs/marriage_registrations/" + r.get("record_id"))).get("name");
            if (shown.equals(name)) {
                continue;
            }
            if (shown.matches(".*[陳黃鄭劉張吳楊許葉謝羅蘇].*")) {
                kinds.merge("traditional", 1, Integer::sum);
            }
            if (shown.strip().length() != shown.length() || shown.contains(" ") || shown.contains("\u3000")) {
                kinds.merge("spacing", 1, Integer::sum);
            }
            if (shown.length() == name.length() && !shown.equals(name)) {
                kinds.merge("changed", 1, Integer::sum);
            }
        }
        assertThat(kinds).containsKeys("traditional", "spacing", "changed");
    }
}
