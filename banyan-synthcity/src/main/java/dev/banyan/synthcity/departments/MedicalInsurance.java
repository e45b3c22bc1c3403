package dev.banyan.synthcity.departments;

import dev.banyan.synthcity.chance.Aspect;
import dev.banyan.synthcity.chance.SeedMixer;
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

/**
 * The healthcare security administration (医疗保障局): everybody insured in the city, employees in the employee
 * scheme (职工医保, 310) and everyone else in the residents' scheme (城乡居民医保, 390). Delivered as an NDJSON dump of
 * its API with the field names of the national medical-insurance information platform.
 */
public final class MedicalInsurance implements Department {

    static final DatasetSpec INSURED = new DatasetSpec("medical-insurance", "insured_persons", TableFormat.NDJSON,
            StandardCharsets.UTF_8, false, false, "参保人员信息", "Insured persons", Subject.PERSON, "YB",
            List.of(Column.text(DatasetSpec.RECORD_ID), Column.text("psn_no").comment("人员编号"),
                    Column.text("psn_name").comment("人员姓名"), Column.text("gend").comment("性别 1男 2女"),
                    Column.date("brdy").comment("出生日期"), Column.text("psn_cert_type").comment("人员证件类型 01居民身份证"),
                    Column.text("certno").comment("证件号码"), Column.text("naty").comment("民族代码"),
                    Column.text("insutype").comment("险种类型 310职工基本医疗保险 390城乡居民基本医疗保险"),
                    Column.text("psn_type").comment("人员类别"),
                    Column.text("psn_insu_stas").comment("参保状态 1正常参保 2暂停 4终止"),
                    Column.date("begndate").comment("参保开始日期"), Column.date("enddate").comment("参保终止日期"),
                    Column.text("emp_no").comment("单位编号"), Column.text("emp_name").comment("单位名称"),
                    Column.text("tel").comment("联系电话"), Column.text("addr").comment("联系地址"),
                    Column.text("poolarea_no").comment("统筹区编号")));

    @Override
    public String code() {
        return "medical-insurance";
    }

    @Override
    public String nameZh() {
        return "榕城市医疗保障局";
    }

    @Override
    public String nameEn() {
        return "Rongcheng Healthcare Security Administration";
    }

    @Override
    public String descriptionZh() {
        return "基本医疗保险参保登记：职工医保和城乡居民医保参保人员，按医保信息平台接口字段导出为 NDJSON。";
    }

    @Override
    public String descriptionEn() {
        return "Basic medical insurance enrolment: employee and resident schemes, exported as NDJSON with the field "
                + "names of the national medical-insurance platform.";
    }

    @Override
    public Habits habits() {
        return new Habits(new MessRates(0.01, 0.005, 0.005, 0.005, 0.01, 0.05, 0.008, 0.006, 0.01, 0.01, 0.1, 0.2,
                0.03, 0.1), DateStyle.ISO, PhoneStyle.PLAIN, AddressStyle.CITY);
    }

    @Override
    public List<DatasetSpec> datasets() {
        return List.of(INSURED);
    }

    @Override
    public long plannedWork(City city) {
        return city.population().size();
    }

    @Override
    public void write(City city, MessMaker mess, DepartmentOutput out) throws IOException {
        Population pop = city.population();
        PersonFields fields = new PersonFields(city, mess);
        int[] order = VisitOrder.shuffled(pop.size(), mess.random());
        DatasetWriter insured = out.open(INSURED);
        Duplicates again = new Duplicates();
        for (int p : order) {
            out.progress().step();
            long h = Aspect.BIRTH_DETAILS.hash(city.seed(), p);
            boolean newborn = Snapshot.DAY - pop.birthDay(p) < 180;
            // about 4 % are insured elsewhere or not at all; babies are enrolled within months
            if (SeedMixer.unit(h) < 0.04 || (newborn && SeedMixer.unit(h >>> 3) < 0.5)) {
                continue;
            }
            row(city, mess, fields, insured, p);
            again.consider(mess, p);
        }
        again.replay(p -> row(city, mess, fields, insured, p));
        out.finish(insured);
    }

    private static void row(City city, MessMaker mess, PersonFields fields, DatasetWriter out, int p) {
        Population pop = city.population();
        Enterprises ent = city.enterprises();
        int e = pop.employer(p);
        boolean retired = e < 0 && city.pensions().isPensioner(p, city.urban(p));
        int age = pop.ageAt(p, Snapshot.DAY);
        String[] row = out.newRow();
        row[1] = "3501" + AccountNumber.of(p, 16, 2024);
        row[2] = fields.name(p);
        row[3] = fields.sexCode(p);
        row[4] = fields.birth(p);
        row[5] = "01";
        row[6] = fields.id(p);
        row[7] = pop.ethnicity(p).code();
        boolean employee = e >= 0 || retired;
        row[8] = employee ? "310" : "390";
        row[9] = e >= 0 ? "在职" : retired ? "退休" : age < 6 ? "婴幼儿" : age < 23 ? "学生" : "城乡居民";
        boolean dead = pop.isDead(p);
        boolean ended = dead && !mess.stale();
        row[10] = ended ? "4" : "1";
        int begin = e >= 0 ? city.wages().hiredDay(p)
                : Math.max(pop.birthDay(p) + 30, Snapshot.day(2012, 1, 1));
        row[11] = mess.date(Math.min(begin, Snapshot.DAY));
        row[12] = ended ? mess.date(pop.deathDay(p)) : "";
        row[13] = e >= 0 ? "3501" + AccountNumber.of(e, 10, 310) : "";
        row[14] = e >= 0 ? mess.text(ent.name(e)) : "";
        row[15] = fields.phone(p);
        row[16] = fields.address(p);
        row[17] = "350100";
        out.person(row, p);
    }
}
