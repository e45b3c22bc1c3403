package dev.banyan.synthcity.departments;

import dev.banyan.synthcity.chance.Aspect;
import dev.banyan.synthcity.economy.EnterpriseKind;
import dev.banyan.synthcity.economy.Enterprises;
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
 * The tax bureau (税务局): quarterly tax payments of enterprises in 2024 and the annual wage-income withholding of
 * individual income tax. Companies registered before the credit-code reform still appear under their old 15-character
 * taxpayer numbers (6-digit division + organisation code) now and then.
 */
public final class TaxBureau implements Department {

    private static final int YEAR = 2024;
    private static final int[] QUARTER_START_MONTH = {1, 4, 7, 10};

    static final DatasetSpec ENTERPRISE_TAX = new DatasetSpec("tax", "enterprise_tax_payments", TableFormat.CSV,
            StandardCharsets.UTF_8, false, false, "企业纳税信息", "Enterprise tax payments", Subject.COMPANY, "NS",
            List.of(Column.text(DatasetSpec.RECORD_ID), Column.text("纳税人识别号"), Column.text("纳税人名称"),
                    Column.text("税种"), Column.date("税款所属期起"), Column.date("税款所属期止"),
                    Column.decimal("应纳税额（元）"), Column.decimal("实缴税额（元）"), Column.date("入库日期"),
                    Column.text("主管税务机关")));
    static final DatasetSpec INCOME_TAX = new DatasetSpec("tax", "individual_income_tax", TableFormat.CSV,
            StandardCharsets.UTF_8, false, false, "个人所得税扣缴明细（工资薪金）", "Individual income tax withheld on wages",
            Subject.PERSON, "GS",
            List.of(Column.text(DatasetSpec.RECORD_ID), Column.text("纳税人姓名"), Column.text("证件类型"),
                    Column.text("证件号码"), Column.text("扣缴义务人名称"), Column.text("扣缴义务人纳税人识别号"),
                    Column.text("所得项目"), Column.text("所得期间"), Column.decimal("收入额（元）"),
                    Column.decimal("已扣缴税额（元）")));

    @Override
    public String code() {
        return "tax";
    }

    @Override
    public String nameZh() {
        return "国家税务总局榕城市税务局";
    }

    @Override
    public String nameEn() {
        return "Rongcheng Municipal Tax Service, STA";
    }

    @Override
    public String descriptionZh() {
        return "税收征管：2024年企业分季度纳税（增值税、企业所得税）和工资薪金个人所得税扣缴明细。";
    }

    @Override
    public String descriptionEn() {
        return "Tax administration: enterprises' quarterly payments in 2024 (VAT, corporate income tax) and individual "
                + "income tax withheld on wages.";
    }

    @Override
    public Habits habits() {
        return new Habits(new MessRates(0.005, 0.002, 0.003, 0.005, 0.003, 0.02, 0.004, 0.004, 0.003, 0.005, 0.05,
                0.1, 0.02, 0.05), DateStyle.ISO, PhoneStyle.PLAIN, AddressStyle.CITY);
    }

    @Override
    public List<DatasetSpec> datasets() {
        return List.of(ENTERPRISE_TAX, INCOME_TAX);
    }

    @Override
    public long plannedWork(City city) {
        return city.enterprises().size() + (long) city.population().size();
    }

    @Override
    public void write(City city, MessMaker mess, DepartmentOutput out) throws IOException {
        Enterprises ent = city.enterprises();
        Population pop = city.population();
        SplittableRandom r = mess.random();
        int yearStart = Snapshot.day(YEAR, 1, 1);
        int[] order = VisitOrder.shuffled(ent.size(), r);
        DatasetWriter payments = out.open(ENTERPRISE_TAX);
        for (int e : order) {
            out.progress().step();
            if (ent.established(e) >= Snapshot.day(YEAR, 12, 31) || (ent.closed(e) > 0 && ent.closed(e) < yearStart)) {
                continue;
            }
            String taxpayer = ent.established(e) < Snapshot.day(2015, 10, 1) && mess.legacyIdentifier()
                    ? ent.registeringDivision(e) + ent.uscc(e).substring(8, 17) : ent.uscc(e);
            District d = city.enterpriseDistrict(e);
            String office = "国家税务总局榕城市" + d.name() + "税务局";
            SplittableRandom er = Aspect.TAX.random(city.seed(), e);
            double quarterlyRevenue = Math.max(20_000, ent.employees(e) * 75_000.0 * ent.industry(e).wageLevel()
                    * Math.exp(0.6 * er.nextGaussian()));
            for (int q = 0; q < 4; q++) {
                int from = Snapshot.day(YEAR, QUARTER_START_MONTH[q], 1);
                int to = Snapshot.day(q == 3 ? YEAR + 1 : YEAR, q == 3 ? 1 : QUARTER_START_MONTH[q + 1], 1) - 1;
                if (ent.established(e) > to || (ent.closed(e) > 0 && ent.closed(e) < from)) {
                    continue;
                }
                double revenue = quarterlyRevenue * (0.8 + 0.4 * er.nextDouble());
                boolean small = ent.kind(e) == EnterpriseKind.INDIVIDUAL_BUSINESS || revenue < 300_000;
                // small-scale taxpayers with quarterly sales under 300,000 yuan are exempt from VAT
                long vat = small ? (revenue < 300_000 ? 0 : Math.round(revenue * 0.01 * 100))
                        : Math.round(revenue * 0.13 * 0.25 * 100);
                paymentRow(mess, payments, e, taxpayer, ent.name(e), "增值税", from, to, vat, office, er);
                if (ent.kind(e).isCompany()) {
                    long cit = Math.round(revenue * 0.06 * 0.05 * 100 * er.nextDouble());
                    paymentRow(mess, payments, e, taxpayer, ent.name(e), "企业所得税", from, to, cit, office, er);
                }
            }
        }
        out.finish(payments);

        PersonFields fields = new PersonFields(city, mess);
        DatasetWriter income = out.open(INCOME_TAX);
        Duplicates again = new Duplicates();
        int[] people = VisitOrder.shuffled(pop.size(), r);
        for (int p : people) {
            out.progress().step();
            int e = pop.employer(p);
            if (e < 0 || city.wages().hiredDay(p) > Snapshot.day(YEAR, 12, 1)) {
                continue;
            }
            incomeRow(city, mess, fields, income, p);
            again.consider(mess, p);
        }
        again.replay(p -> incomeRow(city, mess, fields, income, p));
        out.finish(income);
    }

    private static void paymentRow(MessMaker mess, DatasetWriter out, int e, String taxpayer, String name, String tax,
                                   int from, int to, long hundredths, String office, SplittableRandom er) {
        String[] row = out.newRow();
        row[1] = taxpayer;
        row[2] = mess.text(name);
        row[3] = tax;
        row[4] = mess.date(from);
        row[5] = mess.date(to);
        row[6] = HumanResources.cents(hundredths);
        row[7] = HumanResources.cents(er.nextDouble() < 0.97 ? hundredths : hundredths / 2);
        row[8] = hundredths == 0 ? "" : mess.date(to + 10 + er.nextInt(5));
        row[9] = office;
        out.company(row, e);
    }

    private static void incomeRow(City city, MessMaker mess, PersonFields fields, DatasetWriter out, int p) {
        Enterprises ent = city.enterprises();
        int e = city.population().employer(p);
        int hired = city.wages().hiredDay(p);
        int months = hired < Snapshot.day(YEAR, 1, 1) ? 12 : 12 - (java.time.LocalDate.ofEpochDay(hired).getMonthValue() - 1);
        long income = (long) city.wages().monthly(p) * months;
        String[] row = out.newRow();
        row[1] = fields.name(p);
        row[2] = "居民身份证";
        row[3] = fields.id(p);
        row[4] = mess.text(ent.name(e));
        row[5] = ent.uscc(e);
        row[6] = "正常工资薪金所得";
        row[7] = Integer.toString(YEAR);
        row[8] = income + ".00";
        row[9] = HumanResources.cents(incomeTaxHundredths(income, months));
        out.person(row, p);
    }

    /**
     * Annual individual income tax on wages: income less 5,000 yuan a month and social-insurance deductions, taxed at
     * the 2019 comprehensive-income rates (3 % … 45 %).
     */
    static long incomeTaxHundredths(long income, int months) {
        double taxable = income * 0.78 - 5_000.0 * months;
        if (taxable <= 0) {
            return 0;
        }
        double[][] brackets = {{36_000, 0.03, 0}, {144_000, 0.10, 2_520}, {300_000, 0.20, 16_920},
                {420_000, 0.25, 31_920}, {660_000, 0.30, 52_920}, {960_000, 0.35, 85_920},
                {Double.MAX_VALUE, 0.45, 181_920}};
        for (double[] b : brackets) {
            if (taxable <= b[0]) {
                return Math.round((taxable * b[1] - b[2]) * 100);
            }
        }
        return 0;
    }
}
