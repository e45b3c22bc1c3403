package dev.banyan.synthcity.people;

import dev.banyan.synthcity.chance.WeightedTable;
import dev.banyan.synthcity.geo.District;
import dev.banyan.synthcity.geo.Gazetteer;
import dev.banyan.synthcity.reference.BundledTsv;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Where Rongcheng's people come from (籍贯/出生地): the city's own districts, the rest of Fujian, and the provinces that
 * send migrants to Fuzhou (Jiangxi, Anhui, Sichuan, Chongqing, Hunan, Guizhou …).
 */
public final class BirthPlaces {

    /** The region a birth place belongs to. */
    public enum Region { CITY, FUJIAN, ELSEWHERE }

    /**
     * One place of birth.
     *
     * @param code      current GB/T 2260 county code
     * @param fullName  province + prefecture + county
     * @param region    city, rest of Fujian, or another province
     * @param firstYear first year the code existed (codes of Chongqing start in 1997)
     */
    public record Place(String code, String fullName, Region region, int firstYear) {
    }

    private final List<Place> places;
    private final int cityCount;
    private final int fujianEnd;
    private final WeightedTable cityTable;
    private final WeightedTable elsewhereTable;
    private final DivisionHistory history;

    private BirthPlaces(List<Place> places, int cityCount, int fujianEnd, WeightedTable cityTable,
                        WeightedTable elsewhereTable, DivisionHistory history) {
        this.places = places;
        this.cityCount = cityCount;
        this.fujianEnd = fujianEnd;
        this.cityTable = cityTable;
        this.elsewhereTable = elsewhereTable;
        this.history = history;
    }

    /** Birth places in a fixed order: the city's districts (gazetteer order), other Fujian counties, elsewhere. */
    public static BirthPlaces load(Gazetteer gazetteer, DivisionHistory history) {
        List<Place> places = new ArrayList<>();
        for (District d : gazetteer.districts()) {
            places.add(new Place(d.code(), history.fullName(d.code()), Region.CITY, 1980));
        }
        int cityCount = places.size();
        for (String code : history.currentCounties("3501")) {
            places.add(new Place(code, history.fullName(code), Region.FUJIAN, 1980));
        }
        int fujianEnd = places.size();
        List<Double> weights = new ArrayList<>();
        for (String[] r : BundledTsv.rows("gb2260-origins.tsv")) {
            places.add(new Place(r[0], r[1] + r[2] + r[3], Region.ELSEWHERE, Integer.parseInt(r[4]) / 100));
            weights.add(Double.parseDouble(r[5]));
        }
        double[] w = new double[weights.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = weights.get(i);
        }
        return new BirthPlaces(List.copyOf(places), cityCount, fujianEnd,
                new WeightedTable(gazetteer.districtWeights()), new WeightedTable(w), history);
    }

    public Place place(int index) {
        return places.get(index);
    }

    public int size() {
        return places.size();
    }

    /**
     * Draws the birth place of an adult who now lives in {@code homeDistrict}: mostly the city (often the same
     * district), then the rest of Fujian, then other provinces. The place must have had its code by
     * {@code issueYear}.
     */
    public int drawAdult(SplittableRandom r, int homeDistrict, int issueYear) {
        double u = r.nextDouble();
        if (u < 0.72) {
            return r.nextDouble() < 0.55 ? homeDistrict : cityTable.pick(r);
        }
        if (u < 0.89) {
            return cityCount + r.nextInt(fujianEnd - cityCount);
        }
        for (int attempt = 0; attempt < 8; attempt++) {
            int i = fujianEnd + elsewhereTable.pick(r);
            if (places.get(i).firstYear() <= issueYear) {
                return i;
            }
        }
        return homeDistrict;
    }

    /** Draws the birth place of a child who grew up in {@code homeDistrict}. */
    public int drawChild(SplittableRandom r, int homeDistrict) {
        return r.nextDouble() < 0.9 ? homeDistrict : cityTable.pick(r);
    }

    /** The county code written into an identity number issued in {@code year} to a person born at this place. */
    public String codeInForce(int index, int year) {
        Place p = places.get(index);
        return p.region() == Region.ELSEWHERE ? p.code() : history.codeInForce(p.code(), year);
    }
}
