package dev.banyan.synthcity.departments;

import dev.banyan.synthcity.chance.Aspect;
import dev.banyan.synthcity.chance.SeedMixer;
import dev.banyan.synthcity.geo.Address;
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
import dev.banyan.synthcity.people.Relation;
import dev.banyan.synthcity.people.Snapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The public security bureau (公安局): keeper of the household register (户籍), the authoritative source of identity
 * numbers, names, birth dates and registered addresses. Its data are clean; deaths are kept with a cancelled status.
 */
public final class PublicSecurityBureau implements Department {

    static final DatasetSpec RESIDENTS = new DatasetSpec("public-security", "household_registration", TableFormat.CSV,
            StandardCharsets.UTF_8, false, false, "户籍人口", "Registered residents", Subject.PERSON, "HJ",
            List.of(Column.text(DatasetSpec.RECORD_ID), Column.text("公民身份号码"), Column.text("姓名"),
                    Column.text("曾用名"), Column.text("性别"), Column.text("民族"), Column.date("出生日期"),
                    Column.text("出生地"), Column.text("户号"), Column.text("与户主关系"), Column.text("户籍地址"),
                    Column.text("所属派出所"), Column.text("文化程度"), Column.text("婚姻状况"), Column.text("人口状态"),
                    Column.date("注销日期"), Column.text("注销原因"), Column.text("联系电话")));
    static final DatasetSpec HOUSEHOLDS = new DatasetSpec("public-security", "households", TableFormat.CSV,
            StandardCharsets.UTF_8, false, false, "户信息", "Households", Subject.HOUSEHOLD, "HU",
            List.of(Column.text(DatasetSpec.RECORD_ID), Column.text("户号"), Column.text("户别"), Column.text("户主姓名"),
                    Column.text("户主公民身份号码"), Column.text("住址"), Column.text("所属社区"), Column.text("所属街道"),
                    Column.text("网格编码"), Column.integer("户内人数"), Column.date("立户日期")));

    @Override
    public String code() {
        return "public-security";
    }

    @Override
    public String nameZh() {
        return "榕城市公安局";
    }

    @Override
    public String nameEn() {
        return "Rongcheng Public Security Bureau";
    }

    @Override
    public String descriptionZh() {
        return "户籍管理：常住户籍人口和户信息，是公民身份号码、姓名、出生日期和户籍地址的权威来源；死亡人员保留并注销。";
    }

    @Override
    public String descriptionEn() {
        return "Household registration: registered residents and households; the authoritative source of identity "
                + "numbers, names, birth dates and registered addresses. Deceased residents are kept as cancelled.";
    }

    @Override
    public Habits habits() {
        return new Habits(MessRates.clean(), DateStyle.ISO, PhoneStyle.PLAIN, AddressStyle.FULL);
    }

    @Override
    public List<DatasetSpec> datasets() {
        return List.of(RESIDENTS, HOUSEHOLDS);
    }

    @Override
    public long plannedWork(City city) {
        return (long) city.population().householdCount() * 2;
    }

    @Override
    public void write(City city, MessMaker mess, DepartmentOutput out) throws IOException {
        Population pop = city.population();
        int[] order = VisitOrder.shuffled(pop.householdCount(), mess.random());
        DatasetWriter residents = out.open(RESIDENTS);
        for (int h : order) {
            District d = city.district(h);
            Community c = city.gazetteer().community(pop.community(h));
            String station = nameZh() + d.shortName() + "分局" + city.gazetteer().street(c).stem() + "派出所";
            String address = city.homeAddress(h).text(AddressStyle.FULL);
            String householdNumber = pop.householdNumber(h, d.code());
            for (int p = pop.householdFirst(h); p < pop.householdFirst(h) + pop.householdSize(h); p++) {
                String[] row = residents.newRow();
                row[1] = pop.idNumber(p);
                row[2] = pop.name(p);
                row[3] = city.particulars().formerName(p);
                row[4] = pop.sex(p).chinese();
                row[5] = pop.ethnicity(p).chinese();
                row[6] = mess.date(pop.birthDay(p));
                row[7] = city.birthPlaces().place(pop.birthPlace(p)).fullName();
                row[8] = householdNumber;
                row[9] = pop.relation(p).chinese();
                row[10] = address;
                row[11] = station;
                row[12] = city.particulars().education(p);
                row[13] = maritalStatus(city, p);
                boolean dead = pop.isDead(p);
                row[14] = dead ? "死亡" : "正常";
                row[15] = dead ? mess.date(Math.min(Snapshot.DAY, pop.deathDay(p) + 3
                        + SeedMixer.below(Aspect.DEATH_DETAILS.hash(city.seed(), p), 28))) : "";
                row[16] = dead ? "死亡" : "";
                row[17] = mess.phone(city.phone(p));
                residents.person(row, p);
            }
            out.progress().step();
        }
        out.finish(residents);

        DatasetWriter households = out.open(HOUSEHOLDS);
        for (int h : order) {
            int first = pop.householdFirst(h);
            int living = 0;
            for (int p = first; p < first + pop.householdSize(h); p++) {
                living += pop.isDead(p) ? 0 : 1;
            }
            out.progress().step();
            if (living == 0) {
                // a household whose members all died is closed (销户) and no longer listed
                continue;
            }
            District d = city.district(h);
            Address a = city.homeAddress(h);
            String[] row = households.newRow();
            row[1] = pop.householdNumber(h, d.code());
            row[2] = "家庭户";
            row[3] = pop.name(first);
            row[4] = pop.idNumber(first);
            row[5] = a.text(AddressStyle.FULL);
            row[6] = a.community();
            row[7] = a.street();
            row[8] = a.gridCode();
            row[9] = Integer.toString(living);
            row[10] = mess.date(householdSince(pop, h));
            households.write(row);
        }
        out.finish(households);
    }

    /** The day the household was set up at its current address (立户日期). */
    static int householdSince(Population pop, int h) {
        if (pop.movedDay(h) > 0) {
            return pop.movedDay(h);
        }
        int since = pop.marriageDay(h) > 0 ? pop.marriageDay(h) : Snapshot.plusYears(pop.birthDay(pop.head(h)), 18);
        return Math.max(since, Snapshot.day(1985, 1, 1));
    }

    /** Marital status (婚姻状况) as the register holds it. */
    static String maritalStatus(City city, int p) {
        Population pop = city.population();
        int h = pop.household(p);
        Relation rel = pop.relation(p);
        int first = pop.householdFirst(h);
        long hash = Aspect.HOUSEHOLD_DETAILS.hash(city.seed(), p + 0x10_0000_0000L);
        double u = SeedMixer.unit(hash);
        int age = pop.ageAt(p, Snapshot.DAY);
        switch (rel) {
            case HEAD, SPOUSE -> {
                if (pop.marriageDay(h) > 0) {
                    int partner = rel == Relation.HEAD ? first + 1 : first;
                    return pop.isDead(partner) ? "丧偶" : "已婚";
                }
                boolean hasChildren = pop.householdSize(h) > 1;
                if (hasChildren) {
                    return u < 0.6 ? "离婚" : u < 0.8 ? "丧偶" : "未婚";
                }
                if (age >= 60) {
                    return u < 0.7 ? "丧偶" : u < 0.85 ? "离婚" : "未婚";
                }
                return age < 35 || u < 0.5 ? "未婚" : "离婚";
            }
            case FATHER, MOTHER -> {
                int parents = 0;
                int otherParent = -1;
                for (int i = first; i < first + pop.householdSize(h); i++) {
                    Relation r = pop.relation(i);
                    if (r == Relation.FATHER || r == Relation.MOTHER) {
                        parents++;
                        if (i != p) {
                            otherParent = i;
                        }
                    }
                }
                return parents == 2 && !pop.isDead(otherParent) ? "已婚" : "丧偶";
            }
            default -> {
                return "未婚";
            }
        }
    }
}
