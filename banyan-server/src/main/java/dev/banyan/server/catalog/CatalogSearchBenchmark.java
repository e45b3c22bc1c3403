package dev.banyan.server.catalog;

import dev.banyan.server.catalog.internal.CatalogIndex;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The catalog search benchmark (目录检索基准): builds a synthetic catalog of realistic Chinese metadata (by default
 * 20,000 resources of 30 fields), then times a mix of Chinese and English queries, half with a facet filter, on the
 * Lucene index, and the same queries answered by a linear scan over the same resources (substring matching with the
 * same field weights and facet counts) as the baseline. Prints p50/p95 of both and their ratio.
 */
public final class CatalogSearchBenchmark {

    /** What was measured, in milliseconds. */
    public record Result(int resources, int fieldsPerResource, int queries, double buildMillis, double p50, double p95,
                         double baselineP50, double baselineP95) {

        public double ratioP50() {
            return baselineP50 / p50;
        }

        public double ratioP95() {
            return baselineP95 / p95;
        }
    }

    static final String[] QUERIES = {"身份证", "婚姻登记", "企业 信用代码", "不动产", "population", "vehicle registrations",
        "缴费基数", "营业执照", "学籍", "出生医学证明", "公积金", "行政处罚", "低保", "drivers", "法定代表人", "坐落",
        "社保", "医保结算", "道路运输", "tax"};

    private static final String[][] SUBJECTS = {
        {"常住人口", "registered residents", "POPULATION"}, {"流动人口", "migrant population", "POPULATION"},
        {"婚姻登记", "marriage registrations", "CIVIL_AFFAIRS"}, {"企业登记", "company registrations", "MARKET_SUPERVISION"},
        {"个体工商户", "individual businesses", "MARKET_SUPERVISION"}, {"不动产登记", "real-estate registrations", "LAND_RESOURCES"},
        {"社保缴费", "social insurance contributions", "SOCIAL_SECURITY"}, {"医保结算", "medical insurance settlements", "HEALTH"},
        {"公积金缴存", "provident fund deposits", "HOUSING"}, {"学籍", "student enrolment", "EDUCATION"},
        {"出生医学证明", "birth certificates", "HEALTH"}, {"死亡医学证明", "death certificates", "HEALTH"},
        {"机动车登记", "vehicle registrations", "TRANSPORT"}, {"驾驶证", "driving licences", "TRANSPORT"},
        {"营业执照", "business licences", "MARKET_SUPERVISION"}, {"行政许可", "administrative licences", "GOVERNMENT_AFFAIRS"},
        {"行政处罚", "administrative penalties", "CREDIT"}, {"税务登记", "tax registrations", "TAX"},
        {"纳税信用", "tax credit ratings", "TAX"}, {"低保救助", "minimum living allowance", "SOCIAL_SECURITY"},
        {"残疾人", "persons with disabilities", "CIVIL_AFFAIRS"}, {"养老服务", "elderly care services", "CIVIL_AFFAIRS"},
        {"住房保障", "housing support", "HOUSING"}, {"道路运输", "road transport", "TRANSPORT"},
        {"建设工程", "construction projects", "URBAN_CONSTRUCTION"}, {"排污许可", "discharge permits", "ENVIRONMENT"},
        {"食品经营许可", "food business permits", "MARKET_SUPERVISION"}, {"医师执业", "physician licences", "HEALTH"},
        {"网约车驾驶员", "ride-hailing drivers", "TRANSPORT"}, {"就业登记", "employment registrations", "EMPLOYMENT"}};
    private static final String[] SUFFIXES = {"信息", "登记信息", "明细", "台账", "名录", "统计"};
    private static final String[] DISTRICTS = {"", "", "鼓楼区", "台江区", "仓山区", "晋安区", "马尾区", "长乐区"};
    private static final String[][] ELEMENT_COLUMNS = {{"公民身份号码", "DE0001"}, {"姓名", "DE0002"}, {"性别", "DE0003"},
        {"出生日期", "DE0004"}, {"民族", "DE0005"}, {"联系电话", "DE0006"}, {"户籍地址", "DE0007"}, {"婚姻状况", "DE0008"},
        {"统一社会信用代码", "DE0010"}, {"企业名称", "DE0011"}, {"法定代表人", "DE0012"}, {"注册资本", "DE0013"},
        {"成立日期", "DE0014"}, {"行政区划代码", "DE0016"}, {"不动产单元号", "DE0017"}, {"坐落", "DE0018"},
        {"建筑面积", "DE0019"}, {"号牌号码", "DE0020"}, {"缴费基数", "DE0022"}, {"公积金账号", "DE0023"}, {"学籍号", "DE0024"}};
    private static final String[] PLAIN_COLUMNS = {"业务编号", "办理日期", "审批状态", "金额", "备注", "经办人", "经办机构",
        "数据来源", "更新时间", "有效期起", "有效期止", "证照编号", "证照类型", "发证机关", "许可事项", "处罚事由", "处罚结果",
        "申请日期", "受理编号", "办结日期", "事项名称", "服务对象", "所属网格", "统计期", "指标名称", "指标值", "计量单位",
        "检查结果", "整改期限", "信用等级", "风险等级", "登记机关", "核准日期", "注销日期", "变更事项", "变更前内容", "变更后内容"};

    private CatalogSearchBenchmark() {
    }

    /** The seed library's elements that the synthetic fields carry, with the aliases people search with. */
    static Map<String, DataElement> elements() {
        Map<String, DataElement> m = new HashMap<>();
        String[][] aliases = {{"DE0001", "身份证 身份证号 居民身份证 证件号码 ID card number"}, {"DE0010", "信用代码 营业执照号 USCC credit code"},
            {"DE0017", "不动产单元 房产编号 property unit"}, {"DE0020", "车牌 车牌号 licence plate"},
            {"DE0022", "医保基数 缴费基数 medical insurance"}, {"DE0023", "公积金 provident fund"}};
        Map<String, String> aliasOf = new HashMap<>();
        for (String[] a : aliases) {
            aliasOf.put(a[0], a[1]);
        }
        for (String[] c : ELEMENT_COLUMNS) {
            m.put(c[1], new DataElement(c[1], c[0], c[0], "string", null, null, SubjectType.PERSON, aliasOf.getOrDefault(c[1], "")));
        }
        return m;
    }

    /** A deterministic synthetic catalog. */
    static List<Resource> catalog(int count, int fieldsPer, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Resource> list = new ArrayList<>(count);
        Instant now = Instant.parse("2026-01-05T00:00:00Z");
        for (int i = 0; i < count; i++) {
            String[] subject = SUBJECTS[random.nextInt(SUBJECTS.length)];
            String district = DISTRICTS[random.nextInt(DISTRICTS.length)];
            String name = district + subject[0] + SUFFIXES[random.nextInt(SUFFIXES.length)];
            long provider = random.nextInt(40);
            Set<String> names = new LinkedHashSet<>();
            List<ResourceField> fields = new ArrayList<>(fieldsPer);
            while (fields.size() < fieldsPer) {
                boolean element = random.nextInt(3) == 0;
                String[] c = element ? ELEMENT_COLUMNS[random.nextInt(ELEMENT_COLUMNS.length)] : null;
                String column = element ? c[0] : PLAIN_COLUMNS[random.nextInt(PLAIN_COLUMNS.length)];
                if (!names.add(column)) {
                    column = column + names.size();
                    names.add(column);
                }
                fields.add(new ResourceField(column, "string", null, false, element && column.equals(c[0]) ? c[1] : null,
                        PersonalInformation.NONE, DataGrade.GENERAL, false));
            }
            ShareType share = ShareType.values()[random.nextInt(3)];
            list.add(new Resource(i + 1, String.format("30100%d-BENCH%013d-%03d", 1 + random.nextInt(9), provider, i % 1000),
                    name, (district.isEmpty() ? "" : "district ") + subject[1], provider,
                    name + "，由部门业务系统产生，供共享交换和开放使用。", DataDomain.valueOf(subject[2]), "数据库", UpdateCycle.DAILY,
                    "业务系统", LocalDate.of(2026, 1, 5), share, null, null, OpenType.values()[random.nextInt(3)],
                    DataGrade.values()[random.nextInt(3)], ResourceStatus.PUBLISHED, 1, null, List.copyOf(fields), now, now));
        }
        return list;
    }

    public static Result run(int resources, int fieldsPer, int queries, PrintStream out) throws Exception {
        out.printf("Catalog search benchmark: %,d resources × %d fields, %,d queries (%d CPUs, Java %s)%n",
                resources, fieldsPer, queries, Runtime.getRuntime().availableProcessors(), Runtime.version());
        List<Resource> catalog = catalog(resources, fieldsPer, 20261122L);
        Map<String, DataElement> elements = elements();
        try (CatalogIndex index = new CatalogIndex()) {
            long start = System.nanoTime();
            index.rebuild(catalog, id -> "dept-" + id, elements);
            double build = (System.nanoTime() - start) / 1e6;
            out.printf("  index built in %.0f ms%n", build);
            LinearScan scan = new LinearScan(catalog, elements);
            List<CatalogQuery> mix = new ArrayList<>();
            for (int i = 0; i < queries; i++) {
                String text = QUERIES[i % QUERIES.length];
                ShareType filter = i % 2 == 0 ? null : ShareType.values()[i % 3];
                mix.add(new CatalogQuery(text, null, null, filter, null, null, null, 20));
            }
            for (int i = 0; i < Math.min(500, queries); i++) {
                index.search(mix.get(i));
                scan.search(mix.get(i));
            }
            double[] lucene = new double[queries];
            double[] baseline = new double[queries];
            for (int i = 0; i < queries; i++) {
                long t = System.nanoTime();
                index.search(mix.get(i));
                lucene[i] = (System.nanoTime() - t) / 1e6;
                t = System.nanoTime();
                scan.search(mix.get(i));
                baseline[i] = (System.nanoTime() - t) / 1e6;
            }
            Result r = new Result(resources, fieldsPer, queries, build, percentile(lucene, 50), percentile(lucene, 95),
                    percentile(baseline, 50), percentile(baseline, 95));
            out.printf("  Lucene (SmartChineseAnalyzer, facets): p50 %.2f ms, p95 %.2f ms%n", r.p50(), r.p95());
            out.printf("  baseline (linear scan, same weights):   p50 %.2f ms, p95 %.2f ms%n", r.baselineP50(), r.baselineP95());
            out.printf("  ratio baseline / Lucene: p50 %.1f×, p95 %.1f×%n", r.ratioP50(), r.ratioP95());
            return r;
        }
    }

    static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    /** The baseline: every query checks every resource's text, with the index's field weights and facet counts. */
    private static final class LinearScan {
        private final List<Resource> resources;
        private final String[][] texts;

        LinearScan(List<Resource> resources, Map<String, DataElement> elements) {
            this.resources = resources;
            this.texts = new String[resources.size()][];
            for (int i = 0; i < resources.size(); i++) {
                Resource r = resources.get(i);
                StringBuilder fields = new StringBuilder();
                StringBuilder elementText = new StringBuilder();
                for (ResourceField f : r.fields()) {
                    fields.append(f.name()).append(' ');
                    DataElement e = f.dataElement() == null ? null : elements.get(f.dataElement());
                    if (e != null) {
                        elementText.append(e.nameZh()).append(' ').append(e.aliases()).append(' ');
                    }
                }
                texts[i] = new String[] {(r.nameZh() + " " + r.nameEn()).toLowerCase(Locale.ROOT),
                    elementText.toString().toLowerCase(Locale.ROOT), fields.toString().toLowerCase(Locale.ROOT),
                    (r.summary() + " " + r.code()).toLowerCase(Locale.ROOT)};
            }
        }

        List<Long> search(CatalogQuery q) {
            String[] tokens = q.text().toLowerCase(Locale.ROOT).split("\\s+");
            float[] weights = {4f, 2.5f, 2f, 1f};
            PriorityQueue<float[]> top = new PriorityQueue<>((a, b) -> Float.compare(a[0], b[0]));
            Map<String, Map<String, Integer>> facets = new LinkedHashMap<>();
            for (int i = 0; i < texts.length; i++) {
                Resource r = resources.get(i);
                if (q.shareType() != null && r.shareType() != q.shareType()) {
                    continue;
                }
                float score = 0;
                for (String token : tokens) {
                    for (int f = 0; f < 4; f++) {
                        if (texts[i][f].contains(token)) {
                            score += weights[f];
                        }
                    }
                }
                if (score > 0) {
                    top.add(new float[] {score, i});
                    if (top.size() > q.limit()) {
                        top.poll();
                    }
                    facets.computeIfAbsent("domain", k -> new HashMap<>()).merge(r.domain().name(), 1, Integer::sum);
                    facets.computeIfAbsent("shareType", k -> new HashMap<>()).merge(r.shareType().name(), 1, Integer::sum);
                    facets.computeIfAbsent("grade", k -> new HashMap<>()).merge(r.grade().name(), 1, Integer::sum);
                }
            }
            List<Long> ids = new ArrayList<>();
            while (!top.isEmpty()) {
                ids.add(resources.get((int) top.poll()[1]).id());
            }
            return ids;
        }
    }
}
