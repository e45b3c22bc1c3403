package dev.banyan.standards;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A {@link Gazetteer} held in memory, indexed by parent code. */
final class ListedGazetteer implements Gazetteer {

    static final ListedGazetteer EMPTY = new ListedGazetteer(List.of(), List.of());

    /** Holder of the bundled Fuzhou list, read on first use. */
    static final class Fuzhou {
        static final Gazetteer INSTANCE = load();

        private static Gazetteer load() {
            String resource = "gazetteer/fuzhou.tsv";
            try (InputStream in = ListedGazetteer.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + resource);
                }
                return Gazetteer.fromTsv(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
    }

    private final Map<String, List<Township>> townshipsByCounty;
    private final Map<String, List<Community>> communitiesByTownship;

    ListedGazetteer(Collection<Township> townships, Collection<Community> communities) {
        Set<String> codes = new HashSet<>();
        Map<String, List<Township>> byCounty = new HashMap<>();
        for (Township t : townships) {
            if (!codes.add(t.code())) {
                throw new IllegalArgumentException("code " + t.code() + " is listed twice");
            }
            byCounty.computeIfAbsent(t.countyCode(), k -> new ArrayList<>()).add(t);
        }
        Set<String> townshipCodes = new HashSet<>(codes);
        Map<String, List<Community>> byTownship = new HashMap<>();
        for (Community c : communities) {
            if (!codes.add(c.code())) {
                throw new IllegalArgumentException("code " + c.code() + " is listed twice");
            }
            if (!townshipCodes.contains(c.townshipCode())) {
                throw new IllegalArgumentException("community " + c.code() + " " + c.name() + " belongs to township "
                        + c.townshipCode() + ", which is not listed");
            }
            byTownship.computeIfAbsent(c.townshipCode(), k -> new ArrayList<>()).add(c);
        }
        byCounty.replaceAll((k, v) -> List.copyOf(v));
        byTownship.replaceAll((k, v) -> List.copyOf(v));
        this.townshipsByCounty = Map.copyOf(byCounty);
        this.communitiesByTownship = Map.copyOf(byTownship);
    }

    @Override
    public List<Township> townships(String countyCode) {
        return countyCode == null ? List.of() : townshipsByCounty.getOrDefault(countyCode, List.of());
    }

    @Override
    public List<Community> communities(String townshipCode) {
        return townshipCode == null ? List.of() : communitiesByTownship.getOrDefault(townshipCode, List.of());
    }
}
