package dev.banyan.synthcity.economy;

import dev.banyan.standards.UnifiedSocialCreditCode;
import dev.banyan.synthcity.chance.LongSet;
import dev.banyan.synthcity.chance.SeedMixer;
import dev.banyan.synthcity.chance.WeightedTable;
import dev.banyan.synthcity.geo.Community;
import dev.banyan.synthcity.geo.District;
import dev.banyan.synthcity.geo.Gazetteer;
import dev.banyan.synthcity.people.Population;
import dev.banyan.synthcity.people.Snapshot;
import dev.banyan.synthcity.property.HouseKind;
import dev.banyan.synthcity.property.HousePurpose;
import dev.banyan.synthcity.property.Houses;

import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * Registers the city's market entities (市场主体登记): kind, industry, founding date (most after the 2014 commercial
 * registration reform), legal representative, registered capital, status, premises, and a unified social credit
 * code — with an 8-digit legacy organisation code for entities registered before October 2015 and an {@code MA…}
 * body afterwards.
 */
public final class EnterpriseBuilder {

    private static final int CODE_REFORM_DAY = Snapshot.day(2015, 10, 1);
    /** First characters of new organisation-code bodies in Fujian by year of issue, 2015 … 2025. */
    private static final String[] MA_PREFIXES = {"MA2X", "MA2X", "MA2Y", "MA31", "MA32", "MA33", "MA34", "MA8T",
            "MACJ", "MADF", "MAE5"};
    private static final String BODY_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private final long seed;
    private final Gazetteer gazetteer;
    private final Population population;
    private final Houses houses;

    public EnterpriseBuilder(long seed, Gazetteer gazetteer, Population population, Houses houses) {
        this.seed = seed;
        this.gazetteer = gazetteer;
        this.population = population;
        this.houses = houses;
    }

    /** Builds {@code count} market entities. */
    public Enterprises build(int count, LongConsumer progress) {
        SplittableRandom r = new SplittableRandom(SeedMixer.of(seed, 0xE17, 0));
        Enterprises ent = new Enterprises(count);
        Industry[] industries = Industry.values();
        double[] shares = new double[industries.length];
        for (int i = 0; i < shares.length; i++) {
            shares[i] = industries[i].share();
        }
        WeightedTable industryTable = new WeightedTable(shares);
        WeightedTable yearTable = foundingYears();
        EnterpriseNamer namer = new EnterpriseNamer();
        LongSet bodies = new LongSet(count);
        for (int e = 0; e < count; e++) {
            Industry industry = industries[industryTable.pick(r)];
            EnterpriseKind kind = drawKind(industry, r);
            int year = 1992 + yearTable.pick(r);
            int startOfYear = Snapshot.day(year, 1, 1);
            int endOfYear = Math.min(Snapshot.day(year, 12, 31), Snapshot.DAY - 1);
            int founded = startOfYear + r.nextInt(endOfYear - startOfYear + 1);
            int rep = drawRepresentative(founded, r);
            int home = gazetteer.pickCommunity(r.nextDouble());
            Community c = gazetteer.community(home);
            District d = gazetteer.district(c);
            EnterpriseNamer.Named named = namer.name(kind, industry, d.name(), d.shortName(),
                    population.surname(rep), r);

            ent.kind[e] = (byte) kind.ordinal();
            ent.industry[e] = (byte) industry.ordinal();
            ent.established[e] = founded;
            ent.legalRepresentative[e] = rep;
            ent.name[e] = named.full();
            ent.brand[e] = named.brand();
            ent.community[e] = home;
            ent.capital[e] = drawCapital(kind, r);
            drawStatus(ent, e, kind, founded, r);
            ent.uscc[e] = creditCode(kind, d.code(), founded, bodies, r);
            ent.sizeWeight[e] = drawSize(kind, r);
            if (kind != EnterpriseKind.INDIVIDUAL_BUSINESS && r.nextDouble() < 0.3) {
                boolean shop = industry == Industry.WHOLESALE_RETAIL || industry == Industry.HOSPITALITY;
                int unit = houses.add(home, false, HouseKind.COMMODITY,
                        shop ? HousePurpose.COMMERCIAL : HousePurpose.OFFICE,
                        (int) Math.round(100 * Math.min(3000, 60 * Math.exp(0.9 * r.nextGaussian()) + 30)));
                houses.own(unit, Houses.enterpriseOwner(e), Houses.NO_OWNER,
                        Math.min(Snapshot.DAY - 1, founded + r.nextInt(3 * 365)));
                ent.officeHouse[e] = unit;
            }
            if ((e & 1023) == 0) {
                progress.accept(e);
            }
        }
        return ent;
    }

    /** Founding years 1992-2025: few before the 2000s, a surge after the 2014 registration reform. */
    private static WeightedTable foundingYears() {
        int last = Snapshot.DATE.getYear();
        double[] w = new double[last - 1992 + 1];
        for (int y = 1992; y <= last; y++) {
            double weight = y < 2000 ? 0.25 : y < 2010 ? 0.55 : y < 2014 ? 1.0 : 2.0;
            w[y - 1992] = y == last ? weight / 2 : weight;
        }
        return new WeightedTable(w);
    }

    private static EnterpriseKind drawKind(Industry industry, SplittableRandom r) {
        if (industry == Industry.AGRICULTURE && r.nextDouble() < 0.4) {
            return EnterpriseKind.FARMERS_COOPERATIVE;
        }
        double individual = switch (industry) {
            case WHOLESALE_RETAIL, HOSPITALITY, RESIDENT_SERVICES -> 0.5;
            case TRANSPORT -> 0.25;
            case FINANCE, REAL_ESTATE, SOFTWARE, RESEARCH -> 0.03;
            default -> 0.12;
        };
        double u = r.nextDouble();
        if (u < individual) {
            return EnterpriseKind.INDIVIDUAL_BUSINESS;
        }
        u = r.nextDouble();
        return u < 0.62 ? EnterpriseKind.LIMITED_NATURAL_PERSONS
                : u < 0.96 ? EnterpriseKind.LIMITED_SOLE_SHAREHOLDER : EnterpriseKind.JOINT_STOCK;
    }

    /** Any resident aged 22-68 and alive on the founding day; some people represent several entities. */
    private int drawRepresentative(int founded, SplittableRandom r) {
        int n = population.size();
        for (int attempt = 0; attempt < 400; attempt++) {
            int p = r.nextInt(n);
            int age = population.ageAt(p, founded);
            if (age >= 22 && age <= 68 && population.isAliveOn(p, founded)) {
                return p;
            }
        }
        // tiny cities may have no suitable adult on an early founding day; take the oldest living person then
        int best = 0;
        for (int p = 1; p < n; p++) {
            if (population.birthDay(p) < population.birthDay(best)) {
                best = p;
            }
        }
        return best;
    }

    private static int drawCapital(EnterpriseKind kind, SplittableRandom r) {
        switch (kind) {
            case INDIVIDUAL_BUSINESS:
                return 0;
            case FARMERS_COOPERATIVE:
                return 100 * (10 + 10 * r.nextInt(50));
            default:
                double median = kind == EnterpriseKind.JOINT_STOCK ? 3000 : 100;
                double wan = median * Math.exp(1.3 * r.nextGaussian());
                wan = Math.max(1, Math.min(50_000, wan));
                int[] round = {1, 3, 5, 10, 20, 30, 50, 100, 200, 300, 500, 800, 1000, 2000, 3000, 5000, 10000, 20000,
                        50000};
                if (r.nextDouble() < 0.75) {
                    int best = round[0];
                    for (int v : round) {
                        if (Math.abs(v - wan) < Math.abs(best - wan)) {
                            best = v;
                        }
                    }
                    return best * 100;
                }
                return (int) Math.round(wan) * 100;
        }
    }

    private static void drawStatus(Enterprises ent, int e, EnterpriseKind kind, int founded, SplittableRandom r) {
        double years = (Snapshot.DAY - founded) / 365.25;
        double closeChance = Math.min(0.45, (kind == EnterpriseKind.INDIVIDUAL_BUSINESS ? 0.1 : 0.05) + 0.012 * years);
        double u = r.nextDouble();
        EnterpriseStatus status = EnterpriseStatus.ACTIVE;
        if (u < closeChance) {
            status = r.nextDouble() < 0.72 ? EnterpriseStatus.CANCELLED : EnterpriseStatus.REVOKED;
        } else if (u < closeChance + 0.02) {
            status = EnterpriseStatus.MOVED_OUT;
        }
        ent.status[e] = (byte) status.ordinal();
        if (status == EnterpriseStatus.CANCELLED || status == EnterpriseStatus.REVOKED) {
            int span = Snapshot.DAY - founded - 1;
            ent.closed[e] = founded + 1 + (span <= 1 ? 0 : r.nextInt(span));
        }
    }

    private String creditCode(EnterpriseKind kind, String districtCode, int founded, LongSet bodies,
                              SplittableRandom r) {
        // individual businesses register with the district bureau; companies mostly with the city bureau
        String division = kind == EnterpriseKind.INDIVIDUAL_BUSINESS || r.nextDouble() < 0.4 ? districtCode : "350100";
        int codeDay = founded;
        if (kind == EnterpriseKind.INDIVIDUAL_BUSINESS && founded < Snapshot.day(2016, 10, 1)) {
            // individual businesses received their codes in the 2016-2017 changeover
            codeDay = Snapshot.day(2016, 10, 1) + r.nextInt(365);
        }
        while (true) {
            String body;
            if (codeDay < CODE_REFORM_DAY) {
                char[] digits = new char[8];
                digits[0] = (char) ('1' + r.nextInt(8));
                for (int i = 1; i < 8; i++) {
                    digits[i] = (char) ('0' + r.nextInt(10));
                }
                body = new String(digits);
            } else {
                int year = LocalDate.ofEpochDay(codeDay).getYear();
                StringBuilder b = new StringBuilder(MA_PREFIXES[Math.min(MA_PREFIXES.length - 1, year - 2015)]);
                while (b.length() < 8) {
                    b.append(BODY_ALPHABET.charAt(r.nextInt(BODY_ALPHABET.length())));
                }
                body = b.toString();
            }
            if (bodies.add(encode(body))) {
                return UnifiedSocialCreditCode.of('9', kind.category(), division, body).value();
            }
        }
    }

    private static long encode(String body) {
        long v = 0;
        for (int i = 0; i < body.length(); i++) {
            v = v * 36 + Character.digit(body.charAt(i), 36);
        }
        return v;
    }

    private static double drawSize(EnterpriseKind kind, SplittableRandom r) {
        return switch (kind) {
            case INDIVIDUAL_BUSINESS -> 1 + (r.nextDouble() < 0.5 ? 0 : r.nextInt(4));
            case FARMERS_COOPERATIVE -> 3 + r.nextInt(10);
            case JOINT_STOCK -> Math.min(5000, 80 * Math.exp(1.2 * r.nextGaussian()));
            default -> Math.min(3000, 4.5 * Math.exp(1.25 * r.nextGaussian()));
        };
    }
}
