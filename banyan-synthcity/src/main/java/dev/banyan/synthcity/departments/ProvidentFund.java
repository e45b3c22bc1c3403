package dev.banyan.synthcity.departments;

import dev.banyan.synthcity.chance.Aspect;
import dev.banyan.synthcity.chance.SeedMixer;
import dev.banyan.synthcity.economy.EnterpriseKind;
import dev.banyan.synthcity.economy.Enterprises;
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
 * The housing provident fund centre (住房公积金中心): employer accounts and employees' personal accounts. Its system
 * dates from the 1990s: many accounts still carry 15-digit identity numbers and old organisation codes, dates are
 * written {@code yyyy.MM.dd}, and the export is tab-separated.
 */
public final class ProvidentFund implements Department {

    static final DatasetSpec EMPLOYERS = new DatasetSpec("provident-fund", "employer_accounts", TableFormat.TSV,
            StandardCharsets.UTF_8, false, false, "缴存单位信息", "Contributing employers", Subject.COMPANY, "DW",
            List.of(Column.text(DatasetSpec.RECORD_ID), Column.text("单位账号"), Column.text("单位名称"),
                    Column.text("统一社会信用代码"), Column.text("组织机构代码"), Column.text("单位地址"),
                    Column.date("开户日期"), Column.integer("缴存人数"), Column.text("单位缴存比例"),
                    Column.text("个人缴存比例"), Column.text("账户状态"), Column.text("联系电话")));
    static final DatasetSpec ACCOUNTS = new DatasetSpec("provident-fund", "personal_accounts", TableFormat.TSV,
            StandardCharsets.UTF_8, false, false, "个人公积金账户信息", "Personal provident fund accounts",
            Subject.PERSON, "GJ",
            List.of(Column.text(DatasetSpec.RECORD_ID), Column.text("个人账号"), Column.text("姓名"),
                    Column.text("证件类型"), Column.text("证件号码"), Column.text("单位账号"), Column.text("单位名称"),
                    Column.date("开户日期"), Column.decimal("缴存基数"), Column.decimal("月缴存额"),
                    Column.decimal("账户余额"), Column.text("账户状态"), Column.text("手机号码")));

    @Override
    public String code() {
        return "provident-fund";
    }

    @Override
    public String nameZh() {
        return "榕城住房公积金中心";
    }

    @Override
    public String nameEn() {
        return "Rongcheng Housing Provident Fund Center";
    }

    @Override
    public String descriptionZh() {
        return "住房公积金归集：缴存单位账户和职工个人账户（制表符分隔导出；老系统保留大量15位身份证号和组织机构代码）。";
    }

    @Override
    public String descriptionEn() {
        return "Provident fund collection: employer accounts and employees' personal accounts (tab-separated export; "
                + "the legacy system keeps many 15-digit identity numbers and organisation codes).";
    }

    @Override
    public Habits habits() {
        return new Habits(new MessRates(0.01, 0.005, 0.005, 0.01, 0.005, 0.3, 0.008, 0.006, 0.005, 0.01, 0.15, 0.4,
                0.05, 0.05), DateStyle.DOTTED, PhoneStyle.PLAIN, AddressStyle.CITY);
    }

    @Override
    public List<DatasetSpec> datasets() {
        return List.of(EMPLOYERS, ACCOUNTS);
    }

    @Override
    public long plannedWork(City city) {
        return city.enterprises().size() + (long) city.population().size();
    }

    /** Whether an enterprise contributes for its staff: most companies with three or more employees. */
    static boolean contributes(City city, int e) {
        Enterprises ent = city.enterprises();
        if (ent.kind(e) == EnterpriseKind.INDIVIDUAL_BUSINESS || ent.employees(e) < 3) {
            return false;
        }
        return SeedMixer.unit(Aspect.COMPANY_ADDRESS.hash(city.seed(), e + 0x40_0000_0000L)) < 0.75;
    }

    /** The day the employer opened its account. */
    static int opened(City city, int e) {
        int founded = city.enterprises().established(e);
        return Math.min(Snapshot.DAY - 1, Math.max(founded, Snapshot.day(1993, 1, 1))
                + SeedMixer.below(Aspect.COMPANY_ADDRESS.hash(city.seed(), e + 0x50_0000_0000L), 400));
    }

    @Override
    public void write(City city, MessMaker mess, DepartmentOutput out) throws IOException {
        Enterprises ent = city.enterprises();
        Population pop = city.population();
        SplittableRandom r = mess.random();
        int[] employers = VisitOrder.shuffled(ent.size(), r);
        DatasetWriter employerAccounts = out.open(EMPLOYERS);
        for (int e : employers) {
            out.progress().step();
            if (!contributes(city, e) && !(ent.closed(e) > 0 && ent.employees(e) == 0 && mess.stale()
                    && ent.kind(e) != EnterpriseKind.INDIVIDUAL_BUSINESS)) {
                continue;
            }
            String[] row = employerAccounts.newRow();
            row[1] = account(e);
            row[2] = mess.text(ent.name(e));
            boolean legacy = opened(city, e) < Snapshot.day(2015, 10, 1) && mess.legacyIdentifier();
            row[3] = legacy ? "" : ent.uscc(e);
            row[4] = ent.established(e) < Snapshot.day(2015, 10, 1) ? ent.organisationCode(e) : "";
            row[5] = mess.address(city.enterpriseAddress(e));
            row[6] = mess.date(opened(city, e));
            row[7] = Integer.toString(ent.isActive(e) ? ent.employees(e) : 0);
            int rate = 5 + SeedMixer.below(Aspect.COMPANY_ADDRESS.hash(city.seed(), e + 0x60_0000_0000L), 8);
            row[8] = rate + "%";
            row[9] = rate + "%";
            row[10] = ent.isActive(e) ? "正常" : "封存";
            row[11] = mess.phone(city.enterprisePhone(e));
            employerAccounts.company(row, e);
        }
        out.finish(employerAccounts);

        DatasetWriter accounts = out.open(ACCOUNTS);
        PersonFields fields = new PersonFields(city, mess);
        Duplicates again = new Duplicates();
        int[] people = VisitOrder.shuffled(pop.size(), r);
        for (int p : people) {
            out.progress().step();
            int e = pop.employer(p);
            if (e < 0 || !contributes(city, e) || SeedMixer.unit(Aspect.FUND_BALANCE.hash(city.seed(), p)) > 0.9) {
                continue;
            }
            accountRow(city, mess, fields, accounts, p);
            again.consider(mess, p);
        }
        again.replay(p -> accountRow(city, mess, fields, accounts, p));
        out.finish(accounts);
    }

    private static void accountRow(City city, MessMaker mess, PersonFields fields, DatasetWriter out, int p) {
        Population pop = city.population();
        Enterprises ent = city.enterprises();
        int e = pop.employer(p);
        int opened = Math.max(city.wages().hiredDay(p), opened(city, e));
        int base = Math.max(2_030, Math.min(28_000, city.wages().monthly(p)));
        int rate = 5 + SeedMixer.below(Aspect.COMPANY_ADDRESS.hash(city.seed(), e + 0x60_0000_0000L), 8);
        long monthly = Math.round(base * rate * 2 / 100.0);
        int months = Math.max(1, (Snapshot.DAY - opened) / 30);
        double kept = 0.3 + 0.5 * SeedMixer.unit(Aspect.FUND_BALANCE.hash(city.seed(), p) >>> 7);
        boolean dead = pop.isDead(p);
        String[] row = out.newRow();
        row[1] = "35" + AccountNumber.of(p, 10, 1992);
        row[2] = fields.name(p);
        row[3] = "身份证";
        row[4] = fields.id(p);
        row[5] = account(e);
        row[6] = mess.text(ent.name(e));
        row[7] = mess.date(opened);
        row[8] = base + ".00";
        row[9] = monthly + ".00";
        row[10] = HumanResources.cents(Math.round(monthly * months * kept * 100));
        row[11] = dead ? (mess.stale() ? "正常" : "销户") : "正常";
        row[12] = fields.phone(p);
        out.person(row, p);
    }

    static String account(int e) {
        return "3501" + AccountNumber.of(e, 8, 4321);
    }
}
