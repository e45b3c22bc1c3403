package dev.banyan.synthcity.departments;

import dev.banyan.synthcity.chance.Aspect;
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
import dev.banyan.synthcity.people.Snapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The market regulation administration (市场监督管理局): the enterprise register, authoritative for credit codes,
 * names, types, status and legal representatives. The company data are clean; the representatives' identity numbers
 * were typed by clerks and carry a few mistakes.
 */
public final class MarketRegulation implements Department {

    static final DatasetSpec ENTERPRISES = new DatasetSpec("market-regulation", "enterprises", TableFormat.CSV,
            StandardCharsets.UTF_8, false, false, "市场主体登记信息", "Registered market entities", Subject.COMPANY, "QY",
            List.of(Column.text(DatasetSpec.RECORD_ID), Column.text("统一社会信用代码"), Column.text("企业名称"),
                    Column.text("企业类型"), Column.text("法定代表人"), Column.decimal("注册资本（万元）"),
                    Column.date("成立日期"), Column.date("营业期限自"), Column.text("营业期限至"), Column.text("登记状态"),
                    Column.date("注销或吊销日期"), Column.text("住所"), Column.text("经营范围"), Column.text("所属行业"),
                    Column.text("登记机关"), Column.date("核准日期"), Column.text("联系电话")));
    static final DatasetSpec REPRESENTATIVES = new DatasetSpec("market-regulation", "legal_representatives", TableFormat.CSV,
            StandardCharsets.UTF_8, false, false, "法定代表人（负责人、经营者）信息", "Legal representatives",
            Subject.PERSON, "FR",
            List.of(Column.text(DatasetSpec.RECORD_ID), Column.text("统一社会信用代码"), Column.text("企业名称"),
                    Column.text("姓名"), Column.text("证件类型"), Column.text("证件号码"), Column.text("职务"),
                    Column.date("任职日期"), Column.text("联系电话")));

    @Override
    public String code() {
        return "market-regulation";
    }

    @Override
    public String nameZh() {
        return "榕城市市场监督管理局";
    }

    @Override
    public String nameEn() {
        return "Rongcheng Administration for Market Regulation";
    }

    @Override
    public String descriptionZh() {
        return "市场主体登记：企业、个体工商户和农民专业合作社的登记信息及法定代表人，是统一社会信用代码和企业名称的权威来源。";
    }

    @Override
    public String descriptionEn() {
        return "Registration of market entities: companies, individual businesses and farmers' cooperatives with "
                + "their legal representatives; the authoritative source of credit codes and company names.";
    }

    @Override
    public Habits habits() {
        return new Habits(new MessRates(0.004, 0.002, 0.002, 0.004, 0.002, 0.0, 0.004, 0.004, 0.002, 0.0, 0.0, 0.05,
                0.0, 0.02), DateStyle.ISO, PhoneStyle.PLAIN, AddressStyle.CITY);
    }

    @Override
    public List<DatasetSpec> datasets() {
        return List.of(ENTERPRISES, REPRESENTATIVES);
    }

    @Override
    public long plannedWork(City city) {
        return city.enterprises().size() * 2L;
    }

    @Override
    public void write(City city, MessMaker mess, DepartmentOutput out) throws IOException {
        Enterprises ent = city.enterprises();
        SplittableRandom r = mess.random();
        int[] order = VisitOrder.shuffled(ent.size(), r);
        DatasetWriter enterprises = out.open(ENTERPRISES);
        for (int e : order) {
            String[] row = enterprises.newRow();
            EnterpriseKind kind = ent.kind(e);
            row[1] = ent.uscc(e);
            row[2] = ent.name(e);
            row[3] = kind.chinese();
            row[4] = city.population().name(ent.legalRepresentative(e));
            row[5] = ent.capitalText(e);
            row[6] = mess.date(ent.established(e));
            row[7] = row[6];
            row[8] = kind == EnterpriseKind.INDIVIDUAL_BUSINESS || (e & 3) == 0 ? "长期"
                    : mess.date(Snapshot.plusYears(ent.established(e), (e & 1) == 0 ? 20 : 30) - 1);
            row[9] = ent.status(e).chinese();
            row[10] = ent.closed(e) > 0 ? mess.date(ent.closed(e)) : "";
            row[11] = mess.address(city.enterpriseAddress(e));
            row[12] = ent.industry(e).scope();
            row[13] = ent.industry(e).chinese();
            row[14] = authority(city, e);
            int lastChange = ent.closed(e) > 0 ? ent.closed(e)
                    : ent.established(e) + (int) ((Snapshot.DAY - ent.established(e))
                    * ((Aspect.COMPANY_ADDRESS.hash(city.seed(), e) >>> 11) * 0x1.0p-53));
            row[15] = mess.date(lastChange);
            row[16] = mess.phone(city.enterprisePhone(e));
            enterprises.company(row, e);
            out.progress().step();
        }
        out.finish(enterprises);

        PersonFields fields = new PersonFields(city, mess);
        DatasetWriter reps = out.open(REPRESENTATIVES);
        for (int e : order) {
            int p = ent.legalRepresentative(e);
            String[] row = reps.newRow();
            row[1] = ent.uscc(e);
            row[2] = ent.name(e);
            row[3] = fields.name(p);
            row[4] = "居民身份证";
            row[5] = fields.id(p);
            row[6] = switch (ent.kind(e)) {
                case INDIVIDUAL_BUSINESS -> "经营者";
                case FARMERS_COOPERATIVE -> "理事长";
                case JOINT_STOCK -> "董事长";
                default -> (e % 3 == 0) ? "经理" : "执行董事兼总经理";
            };
            row[7] = mess.date(ent.established(e));
            row[8] = fields.phone(p);
            reps.person(row, p);
            out.progress().step();
        }
        out.finish(reps);
    }

    /** The registering authority (登记机关) from the division code inside the credit code. */
    static String authority(City city, int e) {
        String division = city.enterprises().registeringDivision(e);
        if (division.equals("350100")) {
            return "榕城市市场监督管理局";
        }
        for (var d : city.gazetteer().districts()) {
            if (d.code().equals(division)) {
                return d.name() + "市场监督管理局";
            }
        }
        return "榕城市市场监督管理局";
    }
}
