package dev.banyan.synthcity.departments;

import dev.banyan.synthcity.economy.Enterprises;
import dev.banyan.synthcity.geo.Address;
import dev.banyan.synthcity.geo.AddressStyle;
import dev.banyan.synthcity.geo.HouseLayout;
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
import dev.banyan.synthcity.property.Houses;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The real-estate registration centre (不动产登记中心) of the natural resources bureau: real-estate units with their
 * 28-character unit codes and the right holders — persons or companies, alone or as joint owners. Titles registered
 * before the 2016 unification carry the old housing-ownership certificate numbers.
 */
public final class RealEstateRegistry implements Department {

    private static final int UNIFIED_REGISTRATION_DAY = Snapshot.day(2016, 1, 1);

    static final DatasetSpec UNITS = new DatasetSpec("real-estate", "real_estate_units", TableFormat.CSV,
            StandardCharsets.UTF_8, false, false, "不动产单元及登记信息", "Real-estate units", Subject.HOUSE, "DY",
            List.of(Column.text(DatasetSpec.RECORD_ID), Column.text("不动产单元号"), Column.text("不动产权证号"),
                    Column.text("坐落"), Column.text("所在区县"), Column.text("规划用途"), Column.text("房屋性质"),
                    Column.decimal("建筑面积（㎡）"), Column.decimal("套内建筑面积（㎡）"), Column.integer("所在层"),
                    Column.integer("总层数"), Column.date("登记日期"), Column.text("登记类型"), Column.text("抵押状态")));
    static final DatasetSpec OWNERS = new DatasetSpec("real-estate", "right_holders", TableFormat.CSV,
            StandardCharsets.UTF_8, false, false, "不动产权利人信息", "Right holders", Subject.PERSON_OR_COMPANY, "QL",
            List.of(Column.text(DatasetSpec.RECORD_ID), Column.text("不动产单元号"), Column.text("不动产权证号"),
                    Column.text("权利人名称"), Column.text("权利人类型"), Column.text("证件种类"), Column.text("证件号码"),
                    Column.text("共有方式"), Column.text("权利比例"), Column.date("登记日期"), Column.text("联系电话")));

    @Override
    public String code() {
        return "real-estate";
    }

    @Override
    public String nameZh() {
        return "榕城市不动产登记中心";
    }

    @Override
    public String nameEn() {
        return "Rongcheng Real Estate Registration Center";
    }

    @Override
    public String descriptionZh() {
        return "不动产统一登记：房屋等不动产单元（不动产单元号、坐落、面积、用途）及其权利人（个人或企业，单独或共同所有）。";
    }

    @Override
    public String descriptionEn() {
        return "Unified real-estate registration: units (unit code, location, area, use) and their right holders "
                + "(persons or companies, sole or joint owners).";
    }

    @Override
    public Habits habits() {
        return new Habits(new MessRates(0.008, 0.01, 0.004, 0.01, 0.01, 0.15, 0.006, 0.005, 0.005, 0.005, 0.0, 0.3,
                0.05, 0.1), DateStyle.ISO, PhoneStyle.PLAIN, AddressStyle.FULL);
    }

    @Override
    public List<DatasetSpec> datasets() {
        return List.of(UNITS, OWNERS);
    }

    @Override
    public long plannedWork(City city) {
        return city.houses().size() * 2L;
    }

    @Override
    public void write(City city, MessMaker mess, DepartmentOutput out) throws IOException {
        Houses houses = city.houses();
        SplittableRandom r = mess.random();
        int[] order = VisitOrder.shuffled(houses.size(), r);
        DatasetWriter units = out.open(UNITS);
        for (int h : order) {
            out.progress().step();
            if (houses.ownerA(h) == Houses.NO_OWNER) {
                continue;
            }
            HouseLayout layout = houses.layout(h);
            Address a = city.addressBook().address(layout);
            String[] row = units.newRow();
            row[1] = houses.unitCode(h);
            row[2] = certificate(city, h);
            row[3] = mess.address(a);
            row[4] = a.district();
            row[5] = houses.purpose(h).chinese();
            row[6] = houses.kind(h).chinese();
            int area = houses.area(h);
            row[7] = HumanResources.cents(area);
            row[8] = HumanResources.cents(Math.round(area * (0.76 + 0.1 * r.nextDouble())));
            row[9] = layout.selfBuilt() ? "1" : Integer.toString(layout.floor());
            row[10] = Integer.toString(layout.floors());
            row[11] = mess.date(houses.registeredDay(h));
            row[12] = r.nextDouble() < 0.3 ? "转移登记" : "首次登记";
            row[13] = houses.registeredDay(h) > Snapshot.day(2010, 1, 1) && r.nextDouble() < 0.35 ? "已抵押" : "无抵押";
            units.write(row);
        }
        out.finish(units);

        DatasetWriter owners = out.open(OWNERS);
        Duplicates again = new Duplicates();
        for (int h : order) {
            out.progress().step();
            int a = houses.ownerA(h);
            if (a == Houses.NO_OWNER) {
                continue;
            }
            int b = houses.ownerB(h);
            ownerRow(city, mess, owners, h, a, b != Houses.NO_OWNER);
            if (b != Houses.NO_OWNER) {
                ownerRow(city, mess, owners, h, b, true);
            }
            again.consider(mess, h);
        }
        again.replay(h -> ownerRow(city, mess, owners, h, houses.ownerA(h), houses.ownerB(h) != Houses.NO_OWNER));
        out.finish(owners);
    }

    private static void ownerRow(City city, MessMaker mess, DatasetWriter out, int h, int owner, boolean joint) {
        Houses houses = city.houses();
        PersonFields fields = new PersonFields(city, mess);
        String[] row = out.newRow();
        row[1] = houses.unitCode(h);
        row[2] = certificate(city, h);
        row[7] = joint ? "共同共有" : "单独所有";
        row[8] = joint ? "" : "100%";
        row[9] = mess.date(houses.registeredDay(h));
        if (Houses.isEnterprise(owner)) {
            int e = Houses.enterpriseOf(owner);
            Enterprises ent = city.enterprises();
            row[3] = mess.text(ent.name(e));
            row[4] = "企业";
            boolean old = ent.established(e) < Snapshot.day(2015, 10, 1) && mess.legacyIdentifier();
            row[5] = old ? "组织机构代码" : "统一社会信用代码";
            row[6] = old ? ent.organisationCode(e) : ent.uscc(e);
            row[10] = mess.phone(city.enterprisePhone(e));
            out.company(row, e);
        } else {
            row[3] = fields.name(owner);
            row[4] = "个人";
            row[5] = "居民身份证";
            row[6] = fields.id(owner);
            row[10] = fields.phone(owner);
            out.person(row, owner);
        }
    }

    /** The title certificate number, unique per unit: 不动产权证 since 2016, the old 房屋所有权证 before. */
    static String certificate(City city, int h) {
        int day = city.houses().registeredDay(h);
        String serial = AccountNumber.of(h, 7, 350);
        if (day < UNIFIED_REGISTRATION_DAY) {
            return "榕房权证R字第" + serial + "号";
        }
        return "闽(" + Snapshot.yearOf(day) + ")福州市不动产权第" + serial + "号";
    }
}
