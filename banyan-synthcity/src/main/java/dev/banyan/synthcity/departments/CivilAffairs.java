package dev.banyan.synthcity.departments;

import dev.banyan.synthcity.geo.AddressStyle;
import dev.banyan.synthcity.geo.Community;
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
import dev.banyan.synthcity.people.Snapshot;

import java.io.IOException;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The civil affairs bureau (民政局): minimum living allowance (低保) recipients, marriage registrations and the
 * elderly subsidy (高龄补贴). Its files come from desktop tools: GBK-encoded CSV with CR LF, Chinese dates, and
 * many hand-typed mistakes; deceased recipients are sometimes still listed as paid.
 */
public final class CivilAffairs implements Department {

    private static final Charset GBK = Charset.forName("GBK");

    static final DatasetSpec ALLOWANCE = new DatasetSpec("civil-affairs", "minimum_living_allowance", TableFormat.CSV, GBK,
            false, true, "城乡最低生活保障对象名册", "Minimum living allowance recipients", Subject.PERSON, "DB",
            List.of(Column.text(DatasetSpec.RECORD_ID), Column.text("区县"), Column.text("街道（乡镇）"),
                    Column.text("社区（村）"), Column.text("低保证号"), Column.text("户主姓名"), Column.text("姓名"),
                    Column.text("与户主关系"), Column.text("身份证号码"), Column.text("性别"), Column.text("出生年月"),
                    Column.integer("家庭人口"), Column.text("保障类别"), Column.integer("月保障金额（元）"),
                    Column.date("保障起始日期"), Column.text("保障状态"), Column.text("家庭住址"), Column.text("联系电话")));
    static final DatasetSpec MARRIAGES = new DatasetSpec("civil-affairs", "marriage_registrations", TableFormat.CSV, GBK,
            false, true, "婚姻登记信息", "Marriage registrations", Subject.PERSON, "HY",
            List.of(Column.text(DatasetSpec.RECORD_ID), Column.text("登记机关"), Column.text("业务类别"),
                    Column.date("登记日期"), Column.text("结婚证字号"), Column.text("当事人姓名"), Column.text("性别"),
                    Column.text("证件类型"), Column.text("证件号码"), Column.date("出生日期"), Column.text("国籍"),
                    Column.text("配偶姓名"), Column.text("配偶证件号码")));
    static final DatasetSpec ELDERLY = new DatasetSpec("civil-affairs", "elderly_subsidy", TableFormat.CSV, GBK, false, true,
            "高龄老人补贴发放名册", "Elderly (80+) subsidy payments", Subject.PERSON, "GL",
            List.of(Column.text(DatasetSpec.RECORD_ID), Column.text("姓名"), Column.text("身份证号码"), Column.text("性别"),
                    Column.date("出生日期"), Column.integer("年龄"), Column.integer("补贴标准（元/月）"), Column.text("发放状态"),
                    Column.text("开始发放年月"), Column.text("最近发放年月"), Column.text("户籍地址"), Column.text("所属街道"),
                    Column.text("联系电话")));

    @Override
    public String code() {
        return "civil-affairs";
    }

    @Override
    public String nameZh() {
        return "榕城市民政局";
    }

    @Override
    public String nameEn() {
        return "Rongcheng Civil Affairs Bureau";
    }

    @Override
    public String descriptionZh() {
        return "社会救助与社会事务：城乡低保对象、婚姻登记、高龄补贴发放。文件由桌面软件导出（GBK 编码），手工录入错误较多。";
    }

    @Override
    public String descriptionEn() {
        return "Social assistance and affairs: minimum living allowance recipients, marriage registrations and the "
                + "elderly subsidy. Files are exported from desktop tools in GBK, with many hand-typed mistakes.";
    }

    @Override
    public Habits habits() {
        return new Habits(new MessRates(0.02, 0.02, 0.01, 0.02, 0.02, 0.25, 0.01, 0.01, 0.02, 0.02, 0.15, 0.3,
                0.15, 0.2), DateStyle.CHINESE, PhoneStyle.DASHED, AddressStyle.COMMUNITY);
    }

    @Override
    public List<DatasetSpec> datasets() {
        return List.of(ALLOWANCE, MARRIAGES, ELDERLY);
    }

    @Override
    public long plannedWork(City city) {
        return city.population().householdCount() * 2L + city.population().size();
    }

    @Override
    public void write(City city, MessMaker mess, DepartmentOutput out) throws IOException {
        Population pop = city.population();
        PersonFields fields = new PersonFields(city, mess);
        SplittableRandom r = mess.random();
        int[] order = VisitOrder.shuffled(pop.householdCount(), r);

        DatasetWriter allowance = out.open(ALLOWANCE);
        Duplicates again = new Duplicates();
        for (int h : order) {
            out.progress().step();
            if (!pop.isLowIncome(h)) {
                continue;
            }
            int first = pop.householdFirst(h);
            int size = pop.householdSize(h);
            for (int p = first; p < first + size; p++) {
                if (pop.isDead(p) && !mess.stale()) {
                    continue;
                }
                allowanceRow(city, mess, fields, allowance, p);
                again.consider(mess, p);
            }
        }
        again.replay(p -> allowanceRow(city, mess, fields, allowance, p));
        out.finish(allowance);

        DatasetWriter marriages = out.open(MARRIAGES);
        Duplicates twice = new Duplicates();
        int certificate = 0;
        for (int h : order) {
            out.progress().step();
            int day = pop.marriageDay(h);
            if (day == 0 || pop.spouse(h) < 0 || !registeredDigitally(day, r)) {
                continue;
            }
            certificate++;
            District d = r.nextDouble() < 0.8 ? city.district(h)
                    : city.gazetteer().districts().get(r.nextInt(city.gazetteer().districts().size()));
            String office = d.name() + "民政局婚姻登记处";
            String number = "J" + d.code() + "-" + Snapshot.yearOf(day) + "-" + pad6(certificate);
            int head = pop.head(h);
            int spouse = pop.spouse(h);
            marriageRow(mess, fields, marriages, office, day, number, head, spouse, pop);
            marriageRow(mess, fields, marriages, office, day, number, spouse, head, pop);
            twice.consider(mess, h);
        }
        twice.replay(h -> {
            int head = pop.head(h);
            int spouse = pop.spouse(h);
            District d = city.district(h);
            marriageRow(mess, fields, marriages, d.name() + "民政局婚姻登记处", pop.marriageDay(h),
                    "J" + d.code() + "-" + Snapshot.yearOf(pop.marriageDay(h)) + "-" + pad6(h % 1_000_000),
                    head, spouse, pop);
        });
        out.finish(marriages);

        DatasetWriter elderly = out.open(ELDERLY);
        int[] people = VisitOrder.shuffled(pop.size(), r);
        for (int p : people) {
            out.progress().step();
            int ageNow = pop.ageAt(p, pop.isDead(p) ? pop.deathDay(p) : Snapshot.DAY);
            if (ageNow < 80) {
                continue;
            }
            String[] row = elderly.newRow();
            row[1] = fields.name(p);
            row[2] = fields.id(p);
            row[3] = fields.sex(p);
            row[4] = fields.birth(p);
            row[5] = Integer.toString(ageNow);
            row[6] = Integer.toString(ageNow >= 100 ? 600 : ageNow >= 90 ? 300 : 100);
            int started = Math.max(Snapshot.plusYears(pop.birthDay(p), 80), Snapshot.day(2012, 1, 1));
            row[8] = yearMonth(started);
            boolean stillPaid = !pop.isDead(p) || mess.stale();
            row[7] = stillPaid ? "正常发放" : "停发（死亡）";
            row[9] = stillPaid ? yearMonth(Snapshot.DAY) : yearMonth(pop.deathDay(p));
            row[10] = fields.address(p);
            Community c = city.communityOfPerson(p);
            row[11] = city.gazetteer().street(c).name();
            row[12] = fields.phone(p);
            elderly.person(row, p);
        }
        out.finish(elderly);
    }

    private static void allowanceRow(City city, MessMaker mess, PersonFields fields, DatasetWriter out, int p)
            throws IOException {
        Population pop = city.population();
        int h = pop.household(p);
        SplittableRandom hr = dev.banyan.synthcity.chance.Aspect.HOUSEHOLD_DETAILS.random(city.seed(), h);
        Community c = city.gazetteer().community(pop.community(h));
        District d = city.gazetteer().district(c);
        String[] row = out.newRow();
        row[1] = d.name();
        row[2] = city.gazetteer().street(c).name();
        row[3] = c.name();
        row[4] = d.code() + "DB" + pad6(h % 1_000_000);
        row[5] = mess.name(pop.name(pop.head(h)), city.surnameLength(pop.head(h)));
        row[6] = fields.name(p);
        row[7] = pop.relation(p).chinese();
        row[8] = fields.id(p);
        row[9] = fields.sex(p);
        LocalDate b = pop.birthDate(p);
        row[10] = b.getYear() + "." + (b.getMonthValue() < 10 ? "0" : "") + b.getMonthValue();
        row[11] = Integer.toString(pop.householdSize(h));
        String[] categories = {"A类", "B类", "C类"};
        int category = hr.nextInt(3);
        row[12] = categories[category];
        row[13] = Integer.toString(new int[]{950, 620, 380}[category] - hr.nextInt(8) * 10);
        int started = Snapshot.day(2015, 1, 1) + hr.nextInt(Snapshot.DAY - Snapshot.day(2015, 1, 1));
        row[14] = mess.date(Math.max(started, pop.birthDay(p)));
        row[15] = "在保";
        row[16] = fields.address(p);
        row[17] = fields.phone(pop.head(h));
        out.person(row, p);
    }

    private static void marriageRow(MessMaker mess, PersonFields fields, DatasetWriter out, String office, int day,
                                    String number, int party, int partner, Population pop) {
        String[] row = out.newRow();
        row[1] = office;
        row[2] = "结婚登记";
        row[3] = mess.date(day);
        row[4] = number;
        row[5] = fields.name(party);
        row[6] = fields.sex(party);
        row[7] = "居民身份证";
        row[8] = fields.id(party);
        row[9] = fields.birth(party);
        row[10] = "中国";
        row[11] = fields.name(partner);
        row[12] = fields.id(partner);
        out.person(row, party);
    }

    /** Marriages since 1995 are in the digital register; about half of those of 1990-94 were entered later. */
    private static boolean registeredDigitally(int day, SplittableRandom r) {
        int year = Snapshot.yearOf(day);
        return year >= 1995 ? r.nextDouble() < 0.96 : year >= 1990 && r.nextDouble() < 0.5;
    }

    static String yearMonth(int day) {
        LocalDate d = LocalDate.ofEpochDay(day);
        return d.getYear() + (d.getMonthValue() < 10 ? "0" : "") + d.getMonthValue();
    }

    static String pad6(int n) {
        String s = Integer.toString(n);
        return "0".repeat(Math.max(0, 6 - s.length())) + s;
    }
}
