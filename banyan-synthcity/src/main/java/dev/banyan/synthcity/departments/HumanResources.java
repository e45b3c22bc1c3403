package dev.banyan.synthcity.departments;

import dev.banyan.synthcity.economy.Enterprises;
import dev.banyan.synthcity.economy.Industry;
import dev.banyan.synthcity.geo.AddressStyle;
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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The human resources and social security bureau (人社局): employment registrations, monthly pension-insurance
 * contributions of employees and the register of retirees drawing a pension. Dates are written {@code yyyyMMdd} as
 * in the provincial social-insurance system.
 */
public final class HumanResources implements Department {

    /** The three months of contributions in the extract. */
    private static final int[][] MONTHS = {{2025, 4}, {2025, 5}, {2025, 6}};
    /** Fuzhou's 2025 contribution base bounds (approximate), yuan. */
    private static final int BASE_MIN = 4_200;
    private static final int BASE_MAX = 22_000;

    static final DatasetSpec EMPLOYMENT = new DatasetSpec("human-resources", "employment_registrations", TableFormat.CSV,
            StandardCharsets.UTF_8, false, false, "就业登记信息", "Employment registrations", Subject.PERSON, "JY",
            List.of(Column.text(DatasetSpec.RECORD_ID), Column.text("姓名"), Column.text("公民身份号码"),
                    Column.text("性别"), Column.date("出生日期"), Column.text("用人单位名称"),
                    Column.text("用人单位统一社会信用代码"), Column.date("就业登记日期"), Column.text("劳动合同类型"),
                    Column.text("岗位"), Column.text("居住地址"), Column.text("联系电话")));
    static final DatasetSpec CONTRIBUTIONS = new DatasetSpec("human-resources", "pension_contributions", TableFormat.CSV,
            StandardCharsets.UTF_8, false, false, "企业职工基本养老保险缴费明细", "Employee pension insurance contributions",
            Subject.PERSON, "SB",
            List.of(Column.text(DatasetSpec.RECORD_ID), Column.text("个人编号"), Column.text("姓名"),
                    Column.text("身份证号码"), Column.text("单位编号"), Column.text("单位名称"), Column.text("险种类型"),
                    Column.text("费款所属期"), Column.decimal("缴费基数"), Column.decimal("单位缴纳金额"),
                    Column.decimal("个人缴纳金额"), Column.date("到账日期")));
    static final DatasetSpec PENSIONERS = new DatasetSpec("human-resources", "pensioners", TableFormat.CSV,
            StandardCharsets.UTF_8, false, false, "离退休人员养老金领取信息", "Retirees drawing an employee pension",
            Subject.PERSON, "LT",
            List.of(Column.text(DatasetSpec.RECORD_ID), Column.text("个人编号"), Column.text("姓名"),
                    Column.text("身份证号码"), Column.text("性别"), Column.date("出生日期"), Column.date("退休日期"),
                    Column.decimal("月养老金（元）"), Column.text("领取状态"), Column.text("最近发放年月"),
                    Column.text("居住地址"), Column.text("联系电话")));

    @Override
    public String code() {
        return "human-resources";
    }

    @Override
    public String nameZh() {
        return "榕城市人力资源和社会保障局";
    }

    @Override
    public String nameEn() {
        return "Rongcheng Human Resources and Social Security Bureau";
    }

    @Override
    public String descriptionZh() {
        return "就业与社会保险：就业登记、企业职工养老保险缴费明细（近三个月）和离退休人员养老金领取信息。";
    }

    @Override
    public String descriptionEn() {
        return "Employment and social insurance: employment registrations, employee pension contributions of the "
                + "last three months, and retirees drawing a pension.";
    }

    @Override
    public Habits habits() {
        return new Habits(new MessRates(0.01, 0.005, 0.005, 0.01, 0.005, 0.10, 0.006, 0.006, 0.01, 0.01, 0.08, 0.2,
                0.05, 0.1), DateStyle.COMPACT, PhoneStyle.PLAIN, AddressStyle.CITY);
    }

    @Override
    public List<DatasetSpec> datasets() {
        return List.of(EMPLOYMENT, CONTRIBUTIONS, PENSIONERS);
    }

    @Override
    public long plannedWork(City city) {
        return city.population().size() * 3L;
    }

    @Override
    public void write(City city, MessMaker mess, DepartmentOutput out) throws IOException {
        Population pop = city.population();
        Enterprises ent = city.enterprises();
        PersonFields fields = new PersonFields(city, mess);
        SplittableRandom r = mess.random();
        int[] order = VisitOrder.shuffled(pop.size(), r);

        DatasetWriter employment = out.open(EMPLOYMENT);
        Duplicates again = new Duplicates();
        for (int p : order) {
            out.progress().step();
            if (pop.employer(p) < 0) {
                continue;
            }
            employmentRow(city, mess, fields, employment, p);
            again.consider(mess, p);
        }
        again.replay(p -> employmentRow(city, mess, fields, employment, p));
        out.finish(employment);

        DatasetWriter contributions = out.open(CONTRIBUTIONS);
        Duplicates twice = new Duplicates();
        for (int p : order) {
            out.progress().step();
            int e = pop.employer(p);
            if (e < 0 || (pop.ageAt(p, Snapshot.DAY) < 18)) {
                continue;
            }
            for (int m = 0; m < MONTHS.length; m++) {
                int monthStart = Snapshot.day(MONTHS[m][0], MONTHS[m][1], 1);
                if (city.wages().hiredDay(p) > monthStart) {
                    continue;
                }
                contributionRow(city, mess, fields, contributions, p, m);
                twice.consider(mess, p * MONTHS.length + m);
            }
        }
        twice.replay(k -> contributionRow(city, mess, fields, contributions, k / MONTHS.length, k % MONTHS.length));
        out.finish(contributions);

        DatasetWriter pensioners = out.open(PENSIONERS);
        for (int p : order) {
            out.progress().step();
            if (!city.pensions().isPensioner(p, city.urban(p))) {
                continue;
            }
            String[] row = pensioners.newRow();
            row[1] = personNumber(p);
            row[2] = fields.name(p);
            row[3] = fields.id(p);
            row[4] = fields.sex(p);
            row[5] = fields.birth(p);
            row[6] = mess.date(city.pensions().retirementDay(p));
            row[7] = city.pensions().monthly(p) + ".00";
            boolean paid = !pop.isDead(p) || mess.stale();
            row[8] = paid ? "正常领取" : "终止（死亡）";
            row[9] = CivilAffairs.yearMonth(paid ? Snapshot.DAY : pop.deathDay(p));
            row[10] = fields.address(p);
            row[11] = fields.phone(p);
            pensioners.person(row, p);
        }
        out.finish(pensioners);
    }

    private static void employmentRow(City city, MessMaker mess, PersonFields fields, DatasetWriter out, int p) {
        Enterprises ent = city.enterprises();
        int e = city.population().employer(p);
        SplittableRandom r = mess.random();
        String[] row = out.newRow();
        row[1] = fields.name(p);
        row[2] = fields.id(p);
        row[3] = fields.sex(p);
        row[4] = fields.birth(p);
        row[5] = mess.text(ent.name(e));
        row[6] = employerCode(city, mess, e);
        row[7] = mess.date(city.wages().hiredDay(p));
        double u = r.nextDouble();
        row[8] = u < 0.7 ? "固定期限劳动合同" : u < 0.92 ? "无固定期限劳动合同" : "以完成一定工作任务为期限";
        row[9] = position(ent.industry(e), ent.legalRepresentative(e) == p, r);
        row[10] = fields.address(p);
        row[11] = fields.phone(p);
        out.person(row, p);
    }

    private static void contributionRow(City city, MessMaker mess, PersonFields fields, DatasetWriter out, int p,
                                        int month) {
        Enterprises ent = city.enterprises();
        int e = city.population().employer(p);
        int base = Math.max(BASE_MIN, Math.min(BASE_MAX, city.wages().monthly(p)));
        String[] row = out.newRow();
        row[1] = personNumber(p);
        row[2] = fields.name(p);
        row[3] = fields.id(p);
        row[4] = "350100" + AccountNumber.of(e, 6, 501);
        row[5] = mess.text(ent.name(e));
        row[6] = "110 企业职工基本养老保险";
        row[7] = MONTHS[month][0] + (MONTHS[month][1] < 10 ? "0" : "") + MONTHS[month][1];
        row[8] = base + ".00";
        row[9] = cents(base * 16);
        row[10] = cents(base * 8);
        int paid = Snapshot.day(MONTHS[month][0], MONTHS[month][1], 15);
        row[11] = mess.date(Math.min(paid, Snapshot.DAY));
        out.person(row, p);
    }

    /** The person's social-insurance number (个人编号), stable across datasets of this bureau. */
    static String personNumber(int p) {
        return "3501" + AccountNumber.of(p, 8, 77);
    }

    /** The employer's credit code, or for old companies sometimes the organisation code the system started with. */
    static String employerCode(City city, MessMaker mess, int e) {
        Enterprises ent = city.enterprises();
        if (ent.established(e) < Snapshot.day(2015, 10, 1) && mess.legacyIdentifier()) {
            return ent.organisationCode(e);
        }
        return ent.uscc(e);
    }

    /** Amount in yuan with two decimals from hundredths. */
    static String cents(long hundredths) {
        long yuan = hundredths / 100;
        long c = hundredths % 100;
        return yuan + "." + (c < 10 ? "0" : "") + c;
    }

    private static String position(Industry industry, boolean owner, SplittableRandom r) {
        if (owner) {
            return "负责人";
        }
        String[] common = {"销售", "文员", "会计", "出纳", "行政", "保安", "保洁", "普工"};
        String[] specific = switch (industry) {
            case SOFTWARE -> new String[]{"软件工程师", "测试工程师", "产品经理", "运维工程师"};
            case CONSTRUCTION -> new String[]{"施工员", "安全员", "项目经理", "造价员"};
            case HOSPITALITY -> new String[]{"厨师", "服务员", "店长", "收银员"};
            case TRANSPORT -> new String[]{"驾驶员", "调度员", "仓管员", "装卸工"};
            case MANUFACTURING -> new String[]{"操作工", "质检员", "技术员", "车间主任"};
            case HEALTH -> new String[]{"护士", "医师", "护理员"};
            case EDUCATION -> new String[]{"教师", "教务", "助教"};
            default -> new String[]{"业务员", "客服", "专员", "主管"};
        };
        return r.nextDouble() < 0.6 ? specific[r.nextInt(specific.length)] : common[r.nextInt(common.length)];
    }
}
