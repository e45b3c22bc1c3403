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
import dev.banyan.synthcity.people.Relation;
import dev.banyan.synthcity.people.Snapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The health commission (卫生健康委员会): birth medical certificates (出生医学证明) since 2016 and medical certificates
 * of death (死亡医学证明). A newborn has no identity number yet, so births link to the population only through the
 * baby's name, birth date and the parents' numbers.
 */
public final class HealthCommission implements Department {

    private static final int FIRST_BIRTH_DAY = Snapshot.day(2016, 1, 1);
    private static final List<String> CITY_HOSPITALS = List.of("福建省妇幼保健院", "福州市妇幼保健院",
            "福建医科大学附属协和医院", "福建医科大学附属第一医院", "福建省立医院", "福州市第一总医院",
            "福建中医药大学附属人民医院", "福州市第二总医院");
    private static final String[][] CAUSES = {
            {"I63.9", "脑梗死"}, {"I21.9", "急性心肌梗死"}, {"C34.9", "支气管和肺恶性肿瘤"}, {"J44.9", "慢性阻塞性肺疾病"},
            {"I61.9", "脑内出血"}, {"C22.0", "肝细胞癌"}, {"C16.9", "胃恶性肿瘤"}, {"E11.9", "2型糖尿病"},
            {"J18.9", "肺炎"}, {"I10", "特发性（原发性）高血压"}, {"N18.9", "慢性肾脏病"}, {"C18.9", "结肠恶性肿瘤"},
            {"W19", "跌倒"}, {"V89.2", "机动车交通事故"}};

    static final DatasetSpec BIRTHS = new DatasetSpec("health", "birth_certificates", TableFormat.CSV,
            StandardCharsets.UTF_8, false, false, "出生医学证明信息", "Birth medical certificates", Subject.PERSON, "CS",
            List.of(Column.text(DatasetSpec.RECORD_ID), Column.text("出生医学证明编号"), Column.text("新生儿姓名"),
                    Column.text("性别"), Column.date("出生日期"), Column.text("出生时间"), Column.integer("出生孕周"),
                    Column.integer("出生体重（克）"), Column.integer("出生身长（厘米）"), Column.text("出生地点"),
                    Column.text("母亲姓名"), Column.integer("母亲年龄"), Column.text("母亲身份证号"), Column.text("父亲姓名"),
                    Column.text("父亲身份证号"), Column.text("家庭住址"), Column.date("签发日期")));
    static final DatasetSpec DEATHS = new DatasetSpec("health", "death_certificates", TableFormat.CSV,
            StandardCharsets.UTF_8, false, false, "死亡医学证明信息", "Medical certificates of death", Subject.PERSON, "SW",
            List.of(Column.text(DatasetSpec.RECORD_ID), Column.text("死亡医学证明编号"), Column.text("姓名"),
                    Column.text("性别"), Column.text("民族"), Column.text("身份证号"), Column.date("出生日期"),
                    Column.date("死亡日期"), Column.text("死亡地点"), Column.text("根本死亡原因"), Column.text("ICD编码"),
                    Column.text("填报单位"), Column.text("户籍地址")));

    @Override
    public String code() {
        return "health";
    }

    @Override
    public String nameZh() {
        return "榕城市卫生健康委员会";
    }

    @Override
    public String nameEn() {
        return "Rongcheng Health Commission";
    }

    @Override
    public String descriptionZh() {
        return "出生和死亡医学证明：2016年以来出生的新生儿（尚无身份证号，通过父母身份证号关联）和死亡人员。";
    }

    @Override
    public String descriptionEn() {
        return "Birth and death certificates: newborns since 2016 (without identity numbers yet, linkable through "
                + "their parents) and deaths.";
    }

    @Override
    public Habits habits() {
        return new Habits(new MessRates(0.015, 0.005, 0.01, 0.01, 0.03, 0.1, 0.01, 0.01, 0.01, 0.01, 0.1, 0.2,
                0.05, 0.1), DateStyle.ISO, PhoneStyle.PLAIN, AddressStyle.CITY);
    }

    @Override
    public List<DatasetSpec> datasets() {
        return List.of(BIRTHS, DEATHS);
    }

    @Override
    public long plannedWork(City city) {
        return city.population().size() * 2L;
    }

    @Override
    public void write(City city, MessMaker mess, DepartmentOutput out) throws IOException {
        Population pop = city.population();
        PersonFields fields = new PersonFields(city, mess);
        int[] order = VisitOrder.shuffled(pop.size(), mess.random());

        DatasetWriter births = out.open(BIRTHS);
        for (int p : order) {
            out.progress().step();
            if (pop.birthDay(p) < FIRST_BIRTH_DAY || !pop.relation(p).isChild()) {
                continue;
            }
            int h = pop.household(p);
            int mother = parent(pop, h, true);
            if (mother < 0) {
                continue;
            }
            int father = parent(pop, h, false);
            SplittableRandom br = Aspect.BIRTH_DETAILS.random(city.seed(), p);
            String[] row = births.newRow();
            int year = pop.birthYear(p);
            row[1] = (char) ('P' + (year - 2016)) + "350" + AccountNumber.of(p, 6, 35);
            boolean unnamed = Snapshot.DAY - pop.birthDay(p) < 90 && br.nextDouble() < 0.3;
            row[2] = unnamed ? "" : fields.name(p);
            row[3] = fields.sex(p);
            row[4] = mess.date(pop.birthDay(p));
            int minute = br.nextInt(24 * 60);
            row[5] = (minute / 60 < 10 ? "0" : "") + minute / 60 + ":" + (minute % 60 < 10 ? "0" : "") + minute % 60;
            boolean preterm = br.nextDouble() < 0.07;
            int weeks = preterm ? 32 + br.nextInt(5) : 37 + br.nextInt(5);
            row[6] = Integer.toString(weeks);
            int grams = (int) Math.round((preterm ? 2_300 : 3_250) + 420 * br.nextGaussian());
            row[7] = Integer.toString(Math.max(1_200, Math.min(4_800, grams)));
            row[8] = Integer.toString(preterm ? 44 + br.nextInt(4) : 48 + br.nextInt(5));
            District d = city.districtOfPerson(p);
            row[9] = d.urban() || br.nextDouble() < 0.5 ? CITY_HOSPITALS.get(br.nextInt(CITY_HOSPITALS.size()))
                    : d.name() + "医院";
            row[10] = fields.name(mother);
            row[11] = Integer.toString(Snapshot.age(pop.birthDay(mother), pop.birthDay(p)));
            row[12] = fields.id(mother);
            row[13] = father >= 0 ? fields.name(father) : "";
            row[14] = father >= 0 ? fields.id(father) : "";
            row[15] = fields.address(p);
            row[16] = mess.date(Math.min(Snapshot.DAY, pop.birthDay(p) + 1 + br.nextInt(5)));
            births.person(row, p);
        }
        out.finish(births);

        DatasetWriter deaths = out.open(DEATHS);
        for (int p : order) {
            out.progress().step();
            if (!pop.isDead(p)) {
                continue;
            }
            SplittableRandom dr = Aspect.DEATH_DETAILS.random(city.seed(), p);
            int age = pop.ageAt(p, pop.deathDay(p));
            String[] row = deaths.newRow();
            row[1] = "D" + Snapshot.yearOf(pop.deathDay(p)) + "350" + AccountNumber.of(p, 6, 44);
            row[2] = fields.name(p);
            row[3] = fields.sex(p);
            row[4] = pop.ethnicity(p).chinese();
            row[5] = fields.id(p);
            row[6] = fields.birth(p);
            row[7] = mess.date(pop.deathDay(p));
            double place = dr.nextDouble();
            row[8] = place < 0.6 ? "医院" : place < 0.95 ? "家中" : "其他";
            String[] cause = age < 5 ? new String[]{"P07.3", "早产儿"}
                    : age < 45 && dr.nextDouble() < 0.4 ? CAUSES[CAUSES.length - 1]
                    : CAUSES[dr.nextInt(CAUSES.length - 1)];
            row[9] = cause[1];
            row[10] = cause[0];
            District d = city.districtOfPerson(p);
            row[11] = place < 0.6 ? CITY_HOSPITALS.get(dr.nextInt(CITY_HOSPITALS.size()))
                    : d.name() + city.gazetteer().street(city.communityOfPerson(p)).name() + "社区卫生服务中心";
            row[12] = fields.address(p);
            deaths.person(row, p);
        }
        out.finish(deaths);
    }

    /** The mother (or father) among the head couple of a household, or -1. */
    private static int parent(Population pop, int h, boolean mother) {
        int first = pop.householdFirst(h);
        for (int i = first; i < first + Math.min(2, pop.householdSize(h)); i++) {
            Relation r = pop.relation(i);
            if ((r == Relation.HEAD || r == Relation.SPOUSE) && pop.isFemale(i) == mother) {
                return i;
            }
        }
        return -1;
    }
}
