package dev.banyan.synthcity.departments;

import dev.banyan.synthcity.chance.Aspect;
import dev.banyan.synthcity.economy.EnterpriseKind;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The transport bureau (交通运输局): road transport operators, their vehicles and qualified drivers. Its system is a
 * relational database that the platform reads live over JDBC, so its files are the contents of three typed tables
 * (see {@link dev.banyan.synthcity.DepartmentDatabase}): ISO dates, plain numbers, English column names.
 */
public final class TransportBureau implements Department {

    /** Database schema the tables live in. */
    public static final String SCHEMA = "transport";

    /** What an operator is licensed for (经营范围), with the vehicles and driver qualification it needs. */
    private enum Business {
        FREIGHT("道路普通货物运输", "道路货物运输驾驶员", "A2", "黄"),
        CONSTRUCTION_WASTE("城市建筑垃圾运输", "道路货物运输驾驶员", "B2", "黄"),
        PASSENGER("道路旅客运输", "道路旅客运输驾驶员", "A1", "黄"),
        TAXI("出租汽车客运", "出租汽车驾驶员", "C1", "蓝");

        final String scope;
        final String qualification;
        final String licenceClass;
        final String plateColour;

        Business(String scope, String qualification, String licenceClass, String plateColour) {
            this.scope = scope;
            this.qualification = qualification;
            this.licenceClass = licenceClass;
            this.plateColour = plateColour;
        }
    }

    public static final DatasetSpec OPERATORS = new DatasetSpec(SCHEMA, "operators", TableFormat.CSV,
            StandardCharsets.UTF_8, false, false, "道路运输经营业户", "Road transport operators", Subject.COMPANY, "YH",
            List.of(Column.text(DatasetSpec.RECORD_ID).comment("记录标识"), Column.text("uscc").comment("统一社会信用代码"),
                    Column.text("name").comment("业户名称"), Column.text("operator_type").comment("业户类型"),
                    Column.text("licence_no").comment("道路运输经营许可证号"), Column.text("business_scope").comment("经营范围"),
                    Column.text("legal_representative").comment("法定代表人（负责人）"), Column.text("address").comment("经营地址"),
                    Column.text("phone").comment("联系电话"), Column.date("licence_issued").comment("许可证发证日期"),
                    Column.date("licence_expires").comment("许可证有效期至"), Column.text("status").comment("经营状态")));
    public static final DatasetSpec VEHICLES = new DatasetSpec(SCHEMA, "vehicles", TableFormat.CSV,
            StandardCharsets.UTF_8, false, false, "营运车辆", "Commercial vehicles", Subject.VEHICLE, "CL",
            List.of(Column.text(DatasetSpec.RECORD_ID).comment("记录标识"),
                    Column.text("operator_record_id").comment("所属业户记录标识"),
                    Column.text("plate_number").comment("车牌号码"), Column.text("plate_colour").comment("车牌颜色"),
                    Column.text("vehicle_type").comment("车辆类型"), Column.text("brand_model").comment("厂牌型号"),
                    Column.text("vin").comment("车辆识别代号"), Column.integer("seats").comment("核定座位"),
                    Column.decimal("tonnage").comment("核定载质量（吨）"),
                    Column.text("transport_certificate_no").comment("道路运输证号"),
                    Column.date("registered").comment("注册登记日期"), Column.date("inspection_due").comment("年审有效期至"),
                    Column.text("status").comment("车辆状态")));
    public static final DatasetSpec DRIVERS = new DatasetSpec(SCHEMA, "drivers", TableFormat.CSV,
            StandardCharsets.UTF_8, false, false, "道路运输从业人员", "Qualified drivers", Subject.PERSON, "CY",
            List.of(Column.text(DatasetSpec.RECORD_ID).comment("记录标识"), Column.text("name").comment("姓名"),
                    Column.text("id_number").comment("身份证号"), Column.text("sex").comment("性别"),
                    Column.date("birth_date").comment("出生日期"), Column.text("phone").comment("联系电话"),
                    Column.text("qualification").comment("从业资格类别"),
                    Column.text("certificate_no").comment("从业资格证号"), Column.text("licence_class").comment("准驾车型"),
                    Column.date("first_issued").comment("初领日期"), Column.text("employer_uscc").comment("服务单位统一社会信用代码"),
                    Column.text("employer_name").comment("服务单位名称"), Column.text("status").comment("状态")));

    @Override
    public String code() {
        return SCHEMA;
    }

    @Override
    public String nameZh() {
        return "榕城市交通运输局";
    }

    @Override
    public String nameEn() {
        return "Rongcheng Transport Bureau";
    }

    @Override
    public String descriptionZh() {
        return "道路运输管理：经营业户、营运车辆和从业人员，以业务数据库方式接入（表 transport.operators、vehicles、drivers）。";
    }

    @Override
    public String descriptionEn() {
        return "Road transport administration: operators, commercial vehicles and qualified drivers, connected as a "
                + "live database (tables transport.operators, vehicles, drivers).";
    }

    @Override
    public String servedAs() {
        return "database";
    }

    @Override
    public Habits habits() {
        return new Habits(new MessRates(0.01, 0.005, 0.005, 0.01, 0.01, 0.05, 0.008, 0.008, 0.005, 0.01, 0.1, 0.2,
                0.0, 0.1), DateStyle.ISO, PhoneStyle.PLAIN, AddressStyle.CITY);
    }

    @Override
    public List<DatasetSpec> datasets() {
        return List.of(OPERATORS, VEHICLES, DRIVERS);
    }

    @Override
    public long plannedWork(City city) {
        return city.enterprises().size() * 2L + city.population().size();
    }

    private static Business business(Enterprises ent, int e) {
        String name = ent.name(e);
        if (name.contains("渣土")) {
            return Business.CONSTRUCTION_WASTE;
        }
        if (name.contains("客运")) {
            return Business.PASSENGER;
        }
        if (name.contains("出租")) {
            return Business.TAXI;
        }
        return Business.FREIGHT;
    }

    @Override
    public void write(City city, MessMaker mess, DepartmentOutput out) throws IOException {
        Enterprises ent = city.enterprises();
        Population pop = city.population();
        SplittableRandom r = mess.random();
        int[] order = VisitOrder.shuffled(ent.size(), r);
        String[] operatorRecord = new String[ent.size()];
        List<Integer> operatorsInOrder = new ArrayList<>();

        DatasetWriter operators = out.open(OPERATORS);
        int licence = 0;
        for (int e : order) {
            out.progress().step();
            if (ent.industry(e) != Industry.TRANSPORT) {
                continue;
            }
            Business b = business(ent, e);
            int issued = Math.min(Snapshot.DAY - 1, ent.established(e) + 30 + r.nextInt(180));
            String[] row = operators.newRow();
            row[1] = mess.chance(mess.rates().missingId()) ? "" : ent.uscc(e);
            row[2] = mess.text(ent.name(e));
            row[3] = ent.kind(e) == EnterpriseKind.INDIVIDUAL_BUSINESS ? "个体" : "企业";
            row[4] = "闽交运管许可榕字350100" + CivilAffairs.pad6(++licence) + "号";
            row[5] = b.scope;
            row[6] = mess.name(pop.name(ent.legalRepresentative(e)), city.surnameLength(ent.legalRepresentative(e)));
            row[7] = mess.address(city.enterpriseAddress(e));
            row[8] = mess.phone(city.enterprisePhone(e));
            row[9] = mess.date(issued);
            int expires = Snapshot.plusYears(issued, 4);
            while (expires < Snapshot.DAY && ent.isActive(e)) {
                expires = Snapshot.plusYears(expires, 4);
            }
            row[10] = mess.date(expires);
            boolean closed = ent.closed(e) > 0 || !ent.isActive(e);
            row[11] = closed && !mess.stale() ? "注销" : "营业";
            operatorRecord[e] = operators.company(row, e);
            operatorsInOrder.add(e);
        }
        out.finish(operators);

        DatasetWriter vehicles = out.open(VEHICLES);
        Set<String> plates = new HashSet<>();
        int certificate = 0;
        for (int e : operatorsInOrder) {
            out.progress().step();
            Business b = business(ent, e);
            SplittableRandom vr = Aspect.VEHICLE.random(city.seed(), e);
            int count = Math.max(1, Math.min(300, (int) Math.round(ent.employees(e) * (b == Business.TAXI ? 0.9 : 0.6))));
            for (int v = 0; v < count; v++) {
                int registered = Math.max(ent.established(e), Snapshot.day(2012, 1, 1));
                registered = Math.min(Snapshot.DAY - 1, registered + vr.nextInt(Math.max(1, Snapshot.DAY - registered)));
                String[] row = vehicles.newRow();
                row[1] = operatorRecord[e];
                boolean green = b == Business.TAXI && registered > Snapshot.day(2018, 1, 1) && vr.nextDouble() < 0.7;
                row[2] = plate(plates, green, mess, vr);
                row[3] = green ? "绿" : b.plateColour;
                fillVehicle(row, b, registered, vr);
                row[9] = "闽交运管榕字350100" + CivilAffairs.pad6(++certificate);
                row[10] = mess.date(registered);
                int due = Snapshot.plusYears(registered, 1);
                while (due < Snapshot.DAY - 200) {
                    due = Snapshot.plusYears(due, 1);
                }
                row[11] = mess.date(due);
                row[12] = ent.isActive(e) ? (due < Snapshot.DAY ? "逾期未检" : "营运") : "注销";
                vehicles.write(row);
            }
        }
        out.finish(vehicles);

        DatasetWriter drivers = out.open(DRIVERS);
        PersonFields fields = new PersonFields(city, mess);
        Duplicates again = new Duplicates();
        int[] people = VisitOrder.shuffled(pop.size(), r);
        for (int p : people) {
            out.progress().step();
            int e = pop.employer(p);
            if (e < 0 || ent.industry(e) != Industry.TRANSPORT) {
                continue;
            }
            int age = pop.ageAt(p, Snapshot.DAY);
            SplittableRandom dr = Aspect.DRIVER.random(city.seed(), p);
            // professional drivers are mostly men
            if (age < 21 || age > 60 || dr.nextDouble() > (pop.isFemale(p) ? 0.2 : 0.85)) {
                continue;
            }
            driverRow(city, mess, fields, drivers, p, e);
            again.consider(mess, p);
        }
        again.replay(p -> driverRow(city, mess, fields, drivers, p, pop.employer(p)));
        out.finish(drivers);
    }

    private void driverRow(City city, MessMaker mess, PersonFields fields, DatasetWriter out, int p, int e) {
        Population pop = city.population();
        Enterprises ent = city.enterprises();
        Business b = business(ent, e);
        SplittableRandom dr = Aspect.DRIVER.random(city.seed(), p + 0x1_0000_0000L);
        int earliest = Snapshot.plusYears(pop.birthDay(p), 21);
        int latest = Math.max(earliest, city.wages().hiredDay(p));
        String[] row = out.newRow();
        row[1] = fields.name(p);
        row[2] = fields.id(p);
        row[3] = fields.sex(p);
        row[4] = mess.date(pop.birthDay(p));
        row[5] = fields.phone(p);
        row[6] = b.qualification;
        // the qualification certificate number is the identity number, typed again (and mistyped independently)
        row[7] = fields.id(p);
        row[8] = b.licenceClass;
        row[9] = mess.date(Math.min(Snapshot.DAY - 1, earliest + dr.nextInt(Math.max(1, latest - earliest + 1))));
        row[10] = ent.uscc(e);
        row[11] = mess.text(ent.name(e));
        row[12] = pop.isDead(p) && !mess.stale() ? "注销" : "有效";
        out.person(row, p);
    }

    private static String plate(Set<String> used, boolean green, MessMaker mess, SplittableRandom r) {
        String letters = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        while (true) {
            StringBuilder b = new StringBuilder("闽A");
            if (green) {
                b.append(r.nextBoolean() ? 'D' : 'F');
                for (int i = 0; i < 5; i++) {
                    b.append((char) ('0' + r.nextInt(10)));
                }
            } else {
                b.append(r.nextDouble() < 0.7 ? letters.charAt(r.nextInt(letters.length())) : (char) ('0' + r.nextInt(10)));
                for (int i = 0; i < 4; i++) {
                    b.append(r.nextDouble() < 0.12 ? letters.charAt(r.nextInt(letters.length())) : (char) ('0' + r.nextInt(10)));
                }
            }
            String plate = b.toString();
            if (used.add(plate)) {
                // some clerks write the separator dot (闽A·12345)
                return mess.chance(0.3) ? plate.substring(0, 2) + "·" + plate.substring(2) : plate;
            }
        }
    }

    private static void fillVehicle(String[] row, Business b, int registered, SplittableRandom r) {
        int year = Snapshot.yearOf(registered);
        String type;
        String brand;
        String wmi;
        int seats;
        double tons;
        switch (b) {
            case CONSTRUCTION_WASTE -> {
                type = "重型自卸货车";
                brand = r.nextBoolean() ? "豪沃牌ZZ3257N3847E1" : "东风牌DFH3250A";
                wmi = r.nextBoolean() ? "LZZ" : "LGA";
                seats = 2;
                tons = 14 + r.nextInt(12);
            }
            case PASSENGER -> {
                boolean big = r.nextDouble() < 0.6;
                type = big ? "大型普通客车" : "中型普通客车";
                brand = big ? "宇通牌ZK6128HQ" : "金龙牌XMQ6802";
                wmi = big ? "LZY" : "LA6";
                seats = big ? 45 + r.nextInt(11) : 19 + r.nextInt(12);
                tons = 0;
            }
            case TAXI -> {
                type = "小型轿车";
                double u = r.nextDouble();
                brand = u < 0.5 ? "比亚迪牌BYD7005BEV" : u < 0.8 ? "丰田牌TV7250" : "大众牌SVW7186";
                wmi = u < 0.5 ? "LGX" : u < 0.8 ? "LFM" : "LSV";
                seats = 5;
                tons = 0;
            }
            default -> {
                double u = r.nextDouble();
                if (u < 0.35) {
                    type = "重型半挂牵引车";
                    brand = "解放牌CA4250P66K24T1A1E5";
                    wmi = "LFW";
                    seats = 2;
                    tons = 0;
                } else if (u < 0.6) {
                    type = "重型厢式货车";
                    brand = "东风牌DFH5180XXYEX8";
                    wmi = "LGA";
                    seats = 3;
                    tons = 8 + r.nextInt(10);
                } else {
                    type = "轻型厢式货车";
                    brand = "福田牌BJ5045XXY9JBA";
                    wmi = "LVB";
                    seats = 3;
                    tons = 1.5 + r.nextInt(3) * 0.5;
                }
            }
        }
        row[4] = type;
        row[5] = brand;
        row[6] = VehicleIdentificationNumber.of(wmi, Math.max(2010, year - (r.nextDouble() < 0.2 ? 1 : 0)), r);
        row[7] = Integer.toString(seats);
        row[8] = tons == 0 ? "" : String.format(java.util.Locale.ROOT, "%.2f", tons);
    }
}
