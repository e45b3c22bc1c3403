package dev.banyan.synthcity.departments;

import dev.banyan.synthcity.chance.Aspect;
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
import dev.banyan.synthcity.people.Snapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The housing and urban-rural development bureau (住建局): applications for public rental housing (公租房) from
 * low-income families and young workers. The list is kept in Excel and saved as CSV with a byte-order mark; addresses
 * are those given at application time and often outdated, and people re-apply in later rounds.
 */
public final class HousingBureau implements Department {

    private static final List<String> ESTATES = List.of("福湾新城公租房小区", "浦上公租房小区", "东港公租房小区",
            "鹤林公租房小区", "金山公租房小区", "上街公租房小区", "鼓山公租房小区", "远洋公租房小区");

    static final DatasetSpec APPLICATIONS = new DatasetSpec("housing", "public_rental_applications", TableFormat.CSV,
            StandardCharsets.UTF_8, true, true, "公共租赁住房申请登记表", "Public rental housing applications",
            Subject.PERSON, "GZ",
            List.of(Column.text(DatasetSpec.RECORD_ID), Column.text("申请编号"), Column.text("申请人姓名"),
                    Column.text("身份证号"), Column.text("性别"), Column.date("出生日期"), Column.text("婚姻状况"),
                    Column.integer("家庭人口"), Column.decimal("家庭人均月收入（元）"), Column.text("户籍所在区"),
                    Column.text("现居住地址"), Column.text("联系电话"), Column.date("申请日期"), Column.text("审核状态"),
                    Column.text("配租房源"), Column.text("备注")));

    @Override
    public String code() {
        return "housing";
    }

    @Override
    public String nameZh() {
        return "榕城市住房和城乡建设局";
    }

    @Override
    public String nameEn() {
        return "Rongcheng Housing and Urban-Rural Development Bureau";
    }

    @Override
    public String descriptionZh() {
        return "住房保障：公共租赁住房申请登记、审核和配租情况（Excel 另存为带 BOM 的 CSV，地址多为申请时填写，可能已过时）。";
    }

    @Override
    public String descriptionEn() {
        return "Housing security: public rental housing applications, review and allocation (Excel saved as CSV with "
                + "a BOM; addresses as given at application time, often outdated).";
    }

    @Override
    public Habits habits() {
        return new Habits(new MessRates(0.03, 0.01, 0.01, 0.03, 0.03, 0.1, 0.015, 0.015, 0.03, 0.04, 0.3, 0.3,
                0.25, 0.4), DateStyle.SLASH, PhoneStyle.DASHED, AddressStyle.COMPOUND);
    }

    @Override
    public List<DatasetSpec> datasets() {
        return List.of(APPLICATIONS);
    }

    @Override
    public long plannedWork(City city) {
        return city.population().householdCount();
    }

    @Override
    public void write(City city, MessMaker mess, DepartmentOutput out) throws IOException {
        Population pop = city.population();
        PersonFields fields = new PersonFields(city, mess);
        int[] order = VisitOrder.shuffled(pop.householdCount(), mess.random());
        DatasetWriter applications = out.open(APPLICATIONS);
        Duplicates again = new Duplicates();
        for (int h : order) {
            out.progress().step();
            int head = pop.head(h);
            boolean youngWorker = pop.householdSize(h) == 1 && pop.employer(head) >= 0
                    && pop.ageAt(head, Snapshot.DAY) < 35 && city.wages().monthly(head) < 4_500;
            SplittableRandom hr = Aspect.HOUSEHOLD_DETAILS.random(city.seed(), h + 0x20_0000_0000L);
            boolean applies = pop.isLowIncome(h) ? hr.nextDouble() < 0.6 : youngWorker && hr.nextDouble() < 0.3;
            if (!applies || (pop.isDead(head) && !mess.stale())) {
                continue;
            }
            row(city, mess, fields, applications, h, 0);
            again.consider(mess, h);
        }
        again.replay(h -> row(city, mess, fields, applications, h, 1));
        out.finish(applications);
    }

    private void row(City city, MessMaker mess, PersonFields fields, DatasetWriter out, int h, int round) {
        Population pop = city.population();
        int p = pop.head(h);
        SplittableRandom hr = Aspect.HOUSEHOLD_DETAILS.random(city.seed(), h + 0x30_0000_0000L + round);
        District d = city.district(h);
        int living = 0;
        // odd jobs and family support that no register records
        int income = 300 + hr.nextInt(1_500);
        for (int i = pop.householdFirst(h); i < pop.householdFirst(h) + pop.householdSize(h); i++) {
            if (!pop.isDead(i)) {
                living++;
                income += city.wages().monthly(i);
                if (city.pensions().isPensioner(i, city.urban(i))) {
                    income += city.pensions().monthly(i);
                }
            }
        }
        String[] row = out.newRow();
        int applied = Snapshot.day(2019, 1, 1) + hr.nextInt(Snapshot.DAY - Snapshot.day(2019, 1, 1));
        row[1] = "GZF" + Snapshot.yearOf(applied) + AccountNumber.of(h * 2L + round, 7, 9);
        row[2] = fields.name(p);
        row[3] = fields.id(p);
        row[4] = fields.sex(p);
        row[5] = fields.birth(p);
        row[6] = PublicSecurityBureau.maritalStatus(city, p);
        row[7] = Integer.toString(Math.max(1, living));
        row[8] = HumanResources.cents(Math.round(income * 100.0 / Math.max(1, living)));
        row[9] = d.name();
        row[10] = fields.address(p);
        row[11] = fields.phone(p);
        row[12] = mess.date(applied);
        double u = hr.nextDouble();
        String status = u < 0.45 ? "轮候中" : u < 0.8 ? "已配租" : u < 0.92 ? "审核未通过" : "已退出";
        row[13] = status;
        row[14] = status.equals("已配租") ? ESTATES.get(hr.nextInt(ESTATES.size())) + (1 + hr.nextInt(12)) + "#"
                + (1 + hr.nextInt(18)) + "0" + (1 + hr.nextInt(4)) : "";
        row[15] = status.equals("审核未通过") ? "家庭收入超标" : round > 0 ? "再次申请" : "";
        out.person(row, p);
    }
}
