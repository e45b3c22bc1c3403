package dev.banyan.synthcity.departments;

import dev.banyan.standards.UnifiedSocialCreditCode;
import dev.banyan.synthcity.chance.Aspect;
import dev.banyan.synthcity.chance.SeedMixer;
import dev.banyan.synthcity.geo.Address;
import dev.banyan.synthcity.geo.AddressStyle;
import dev.banyan.synthcity.geo.District;
import dev.banyan.synthcity.mess.DateStyle;
import dev.banyan.synthcity.mess.Habits;
import dev.banyan.synthcity.mess.MessMaker;
import dev.banyan.synthcity.mess.MessRates;
import dev.banyan.synthcity.mess.PhoneStyle;
import dev.banyan.synthcity.output.Column;
import dev.banyan.synthcity.output.DatasetSpec;
import dev.banyan.synthcity.output.DatasetWriter;
import dev.banyan.synthcity.output.DepartmentOutput;
import dev.banyan.synthcity.output.Subject;
import dev.banyan.synthcity.output.TableFormat;
import dev.banyan.synthcity.people.Population;
import dev.banyan.synthcity.people.Relation;
import dev.banyan.synthcity.people.Snapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The education bureau (教育局): the school roll (学籍) of primary and secondary pupils in the 2024-25 school year,
 * kept as an Excel workbook, and the list of schools. The national pupil number is {@code G} + the identity number
 * recorded at enrolment; birth dates are Excel date cells unless a clerk typed text.
 */
public final class EducationBureau implements Department {

    private static final int SCHOOL_YEAR = 2024;
    private static final int[] PUPILS_PER_SCHOOL = {900, 1_000, 1_500};
    private static final String[] GRADES = {"一年级", "二年级", "三年级", "四年级", "五年级", "六年级", "初一", "初二",
            "初三", "高一", "高二", "高三"};
    private static final String DIGITS = "零一二三四五六七八九";

    static final DatasetSpec PUPILS = new DatasetSpec("education", "pupils", TableFormat.XLSX,
            StandardCharsets.UTF_8, false, false, "中小学学籍信息", "Primary and secondary pupils", Subject.PERSON, "XJ",
            List.of(Column.text(DatasetSpec.RECORD_ID), Column.text("全国学籍号"), Column.text("姓名"), Column.text("性别"),
                    Column.date("出生日期"), Column.text("身份证件号"), Column.text("民族"), Column.text("学校名称"),
                    Column.text("学校标识码"), Column.text("学段"), Column.text("年级"), Column.text("班级"),
                    Column.text("入学年月"), Column.text("监护人姓名"), Column.text("监护人联系电话"),
                    Column.text("家庭住址")));
    static final DatasetSpec SCHOOLS = new DatasetSpec("education", "schools", TableFormat.CSV,
            StandardCharsets.UTF_8, false, false, "中小学校名录", "Schools", Subject.SCHOOL, "XX",
            List.of(Column.text(DatasetSpec.RECORD_ID), Column.text("学校标识码"), Column.text("学校名称"),
                    Column.text("办学类型"), Column.text("举办者"), Column.text("所在区县"), Column.text("学校地址"),
                    Column.text("统一社会信用代码"), Column.integer("在校学生数")));

    @Override
    public String code() {
        return "education";
    }

    @Override
    public String nameZh() {
        return "榕城市教育局";
    }

    @Override
    public String nameEn() {
        return "Rongcheng Education Bureau";
    }

    @Override
    public String descriptionZh() {
        return "中小学学籍管理：2024—2025学年在校中小学生学籍（Excel 工作簿）和学校名录。";
    }

    @Override
    public String descriptionEn() {
        return "School rolls: primary and secondary pupils of the 2024-25 school year (Excel workbook) and the list "
                + "of schools.";
    }

    @Override
    public Habits habits() {
        return new Habits(new MessRates(0.02, 0.005, 0.02, 0.02, 0.03, 0.0, 0.02, 0.015, 0.02, 0.015, 0.1, 0.0,
                0.15, 0.15), DateStyle.ISO, PhoneStyle.PLAIN, AddressStyle.COMPOUND);
    }

    @Override
    public List<DatasetSpec> datasets() {
        return List.of(PUPILS, SCHOOLS);
    }

    @Override
    public long plannedWork(City city) {
        return city.population().size() * 2L;
    }

    /** The grade (1-12) of a child in the school year, or 0 if not of school age. */
    static int grade(Population pop, int p) {
        LocalDate b = pop.birthDate(p);
        // children who are six by 31 August start school that September
        int entry = b.getMonthValue() >= 9 ? b.getYear() + 7 : b.getYear() + 6;
        int grade = SCHOOL_YEAR - entry + 1;
        return grade >= 1 && grade <= 12 ? grade : 0;
    }

    private static int stage(int grade) {
        return grade <= 6 ? 0 : grade <= 9 ? 1 : 2;
    }

    /** Whether a child of school age attends a school on this roll (most senior pupils go to vocational schools). */
    private static boolean enrolled(City city, int p, int grade) {
        double u = SeedMixer.unit(Aspect.SCHOOL.hash(city.seed(), p));
        return grade <= 9 ? u < 0.99 : u < 0.62;
    }

    @Override
    public void write(City city, MessMaker mess, DepartmentOutput out) throws IOException {
        Population pop = city.population();
        List<District> districts = city.gazetteer().districts();
        int[][] pupils = new int[districts.size()][3];
        for (int p = 0; p < pop.size(); p++) {
            out.progress().step();
            int g = grade(pop, p);
            if (g > 0 && !pop.isDead(p) && enrolled(city, p, g)) {
                pupils[city.districtOfPerson(p).index()][stage(g)]++;
            }
        }
        List<List<List<School>>> schools = new ArrayList<>();
        for (District d : districts) {
            List<List<School>> byStage = new ArrayList<>();
            for (int s = 0; s < 3; s++) {
                int count = Math.max(1, (int) Math.round(pupils[d.index()][s] / (double) PUPILS_PER_SCHOOL[s]));
                List<School> list = new ArrayList<>();
                for (int n = 1; n <= count; n++) {
                    list.add(school(d, s, n, count));
                }
                byStage.add(list);
            }
            schools.add(byStage);
        }

        PersonFields fields = new PersonFields(city, mess);
        int[] order = VisitOrder.shuffled(pop.size(), mess.random());
        int[][][] enrolment = new int[districts.size()][3][];
        for (District d : districts) {
            for (int s = 0; s < 3; s++) {
                enrolment[d.index()][s] = new int[schools.get(d.index()).get(s).size()];
            }
        }
        DatasetWriter roll = out.open(PUPILS);
        Duplicates again = new Duplicates();
        for (int p : order) {
            out.progress().step();
            int g = grade(pop, p);
            if (g == 0 || (pop.isDead(p) && !mess.stale()) || !enrolled(city, p, g)) {
                continue;
            }
            School school = schoolOf(city, schools, p, g);
            enrolment[school.district()][school.stage()][schoolIndex(city, schools, p, g)]++;
            pupilRow(city, mess, fields, roll, p, g, school);
            again.consider(mess, p);
        }
        again.replay(p -> {
            int g = grade(pop, p);
            pupilRow(city, mess, fields, roll, p, g, schoolOf(city, schools, p, g));
        });
        out.finish(roll);

        DatasetWriter list = out.open(SCHOOLS);
        for (District d : districts) {
            for (int s = 0; s < 3; s++) {
                List<School> stageSchools = schools.get(d.index()).get(s);
                for (int i = 0; i < stageSchools.size(); i++) {
                    School school = stageSchools.get(i);
                    String[] row = list.newRow();
                    row[1] = school.code();
                    row[2] = school.name();
                    row[3] = School.SCHOOL_TYPES[s];
                    row[4] = d.name() + "人民政府";
                    row[5] = d.name();
                    int community = d.streets().get(i % d.streets().size()).communities().get(0).index();
                    Address a = city.addressBook().office(community, SeedMixer.of(350100L, 0x5C, i * 3L + s), true);
                    row[6] = a.text(AddressStyle.CITY);
                    row[7] = school.creditCode();
                    row[8] = Integer.toString(enrolment[d.index()][s][i]);
                    list.write(row);
                }
            }
        }
        out.finish(list);
    }

    private static int schoolIndex(City city, List<List<List<School>>> schools, int p, int grade) {
        int d = city.districtOfPerson(p).index();
        List<School> options = schools.get(d).get(stage(grade));
        return SeedMixer.below(Aspect.SCHOOL.hash(city.seed(), p) >>> 9, options.size());
    }

    private static School schoolOf(City city, List<List<List<School>>> schools, int p, int grade) {
        int d = city.districtOfPerson(p).index();
        return schools.get(d).get(stage(grade)).get(schoolIndex(city, schools, p, grade));
    }

    private static void pupilRow(City city, MessMaker mess, PersonFields fields, DatasetWriter out, int p, int grade,
                                 School school) {
        Population pop = city.population();
        int h = pop.household(p);
        int guardian = pop.head(h);
        int first = pop.householdFirst(h);
        if (pop.householdSize(h) > 1 && pop.relation(first + 1) == Relation.SPOUSE
                && SeedMixer.unit(Aspect.SCHOOL.hash(city.seed(), p) >>> 3) < 0.55) {
            guardian = pop.isFemale(first) ? first : first + 1;
        }
        int stage = stage(grade);
        int stageStartGrade = stage == 0 ? 1 : stage == 1 ? 7 : 10;
        int entryYear = SCHOOL_YEAR - (grade - stageStartGrade);
        String[] row = out.newRow();
        row[1] = "G" + pop.idNumber(p);
        row[2] = fields.name(p);
        row[3] = fields.sex(p);
        row[4] = fields.birth(p);
        row[5] = fields.id(p);
        row[6] = pop.ethnicity(p).chinese();
        row[7] = school.name();
        row[8] = school.code();
        row[9] = School.STAGE_NAMES[stage];
        row[10] = GRADES[grade - 1];
        row[11] = "(" + (1 + SeedMixer.below(Aspect.SCHOOL.hash(city.seed(), p) >>> 17, 8)) + ")班";
        row[12] = entryYear + "-09";
        row[13] = fields.name(guardian);
        row[14] = fields.phone(guardian);
        row[15] = fields.address(p);
        out.person(row, p);
    }

    private static School school(District d, int stage, int n, int count) {
        String number = chineseNumber(n);
        String name = switch (stage) {
            case 0 -> d.name() + "第" + number + "中心小学";
            case 1 -> "福州市" + d.shortName() + "第" + number + "中学";
            default -> count == 1 && n == 1 ? "福州市" + d.shortName() + "高级中学"
                    : "福州市" + d.shortName() + "第" + number + "高级中学";
        };
        int serial = stage * 300 + n;
        String code = "2" + d.code() + (serial < 10 ? "00" : serial < 100 ? "0" : "") + serial;
        String body = "48" + d.code().substring(4) + (serial < 10 ? "000" : serial < 100 ? "00" : serial < 1000 ? "0" : "")
                + serial;
        String credit = UnifiedSocialCreditCode.of('1', '2', d.code(), body).value();
        return new School(code, name, stage, d.index(), credit);
    }

    static String chineseNumber(int n) {
        if (n < 10) {
            return String.valueOf(DIGITS.charAt(n));
        }
        if (n < 20) {
            return "十" + (n % 10 == 0 ? "" : String.valueOf(DIGITS.charAt(n % 10)));
        }
        if (n < 100) {
            return DIGITS.charAt(n / 10) + "十" + (n % 10 == 0 ? "" : String.valueOf(DIGITS.charAt(n % 10)));
        }
        return Integer.toString(n);
    }
}
