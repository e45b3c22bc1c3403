package dev.banyan.synthcity.geo;

import dev.banyan.synthcity.chance.SeedMixer;
import dev.banyan.synthcity.chance.WeightedTable;
import dev.banyan.synthcity.reference.BundledTsv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The map of Rongcheng (地名库): districts, streets and towns, communities and villages, roads and grid cells.
 *
 * <p>The geography does not depend on the seed: every generated city has the same places and grid codes, only the
 * people and companies differ.
 */
public final class Gazetteer {

    /** Fixed so that grid cell counts are the same for every seed. */
    private static final long GEOGRAPHY_SEED = 350100L;

    private final List<District> districts;
    private final List<Community> communities;
    private final List<GridCell> cells;
    private final WeightedTable communityTable;

    private Gazetteer(List<District> districts, List<Community> communities, List<GridCell> cells, double[] weights) {
        this.districts = List.copyOf(districts);
        this.communities = List.copyOf(communities);
        this.cells = List.copyOf(cells);
        this.communityTable = new WeightedTable(weights);
    }

    /** Loads the bundled Fuzhou place names. */
    public static Gazetteer load() {
        Map<String, String[]> districtRows = new LinkedHashMap<>();
        for (String[] row : BundledTsv.rows("districts.tsv")) {
            districtRows.put(row[0], row);
        }
        Map<String, List<String[]>> placesByDistrict = new LinkedHashMap<>();
        for (String[] row : BundledTsv.rows("places.tsv")) {
            placesByDistrict.computeIfAbsent(row[0], k -> new ArrayList<>()).add(row);
        }
        List<District> districts = new ArrayList<>();
        List<Community> communities = new ArrayList<>();
        List<GridCell> cells = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (String[] d : districtRows.values()) {
            int districtIndex = districts.size();
            List<String[]> places = placesByDistrict.getOrDefault(d[0], List.of());
            if (places.isEmpty()) {
                throw new IllegalStateException("no places for district " + d[0]);
            }
            List<Street> streets = new ArrayList<>();
            int communityCountInDistrict = 0;
            int firstCommunity = communities.size();
            for (String[] p : places) {
                int streetIndex = streets.size();
                List<Community> streetCommunities = new ArrayList<>();
                for (String name : BundledTsv.items(p[2])) {
                    int index = communities.size();
                    int cellCount = 2 + SeedMixer.below(SeedMixer.of(GEOGRAPHY_SEED, 1, index), 5);
                    int firstCell = cells.size();
                    Community c = new Community(index, districtIndex, streetIndex, streetCommunities.size() + 1, name,
                            firstCell, cellCount);
                    for (int g = 1; g <= cellCount; g++) {
                        cells.add(new GridCell(cells.size(), index,
                                d[0] + pad3(streetIndex + 1) + pad3(c.serial()) + pad3(g)));
                    }
                    streetCommunities.add(c);
                    communities.add(c);
                }
                streets.add(new Street(districtIndex, streetIndex + 1, p[1], List.copyOf(streetCommunities),
                        BundledTsv.items(p[3])));
                communityCountInDistrict += streetCommunities.size();
            }
            double districtWeight = Double.parseDouble(d[3]);
            for (int i = firstCommunity; i < communities.size(); i++) {
                Community c = communities.get(i);
                // villages hold fewer people than urban communities, and town seats more than outlying villages
                double shape = c.isVillage() ? 0.6 : 1.4;
                double jitter = 0.6 + 0.8 * SeedMixer.unit(SeedMixer.of(GEOGRAPHY_SEED, 2, i));
                weights.add(districtWeight / communityCountInDistrict * shape * jitter);
            }
            districts.add(new District(districtIndex, d[0], d[1], d[2], districtWeight,
                    Boolean.parseBoolean(d[4]), List.copyOf(streets)));
        }
        double[] w = new double[weights.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = weights.get(i);
        }
        return new Gazetteer(districts, communities, cells, w);
    }

    static String pad3(int n) {
        if (n < 10) {
            return "00" + n;
        }
        return n < 100 ? "0" + n : Integer.toString(n);
    }

    public List<District> districts() {
        return districts;
    }

    public List<Community> communities() {
        return communities;
    }

    public List<GridCell> cells() {
        return cells;
    }

    public District district(Community c) {
        return districts.get(c.district());
    }

    public Street street(Community c) {
        return districts.get(c.district()).streets().get(c.street());
    }

    public Community community(int index) {
        return communities.get(index);
    }

    /** A community drawn in proportion to where people live; {@code u} in {@code [0, 1)}. */
    public int pickCommunity(double u) {
        return communityTable.pick(u);
    }

    /** The districts' share of residents, in gazetteer order. */
    public double[] districtWeights() {
        double[] w = new double[districts.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = districts.get(i).weight();
        }
        return w;
    }
}
