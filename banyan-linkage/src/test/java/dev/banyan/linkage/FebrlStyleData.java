package dev.banyan.linkage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A small, faithful imitation of the Febrl data generator (Febrl 风格测试数据): Australian-style person records with the
 * Febrl columns and id scheme ({@code rec-12-org}, {@code rec-12-dup-0}), written with a space after each comma as the
 * Febrl files are, and duplicates corrupted the way Febrl does — typos (insert, delete, substitute, transpose),
 * missing values, phonetic spelling variants, swapped given name and surname, date digit errors and wrong street
 * numbers, at most a few modifications per duplicate.
 */
final class FebrlStyleData {

    static final String HEADER = "rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode, "
            + "state, date_of_birth, soc_sec_id";

    private static final String[] GIVEN = {"james", "john", "robert", "michael", "william", "david", "richard",
        "joseph", "thomas", "charles", "christopher", "daniel", "matthew", "anthony", "mark", "donald", "steven",
        "paul", "andrew", "joshua", "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica",
        "sarah", "karen", "lisa", "nancy", "betty", "margaret", "sandra", "ashley", "kimberly", "emily", "donna",
        "michelle", "chloe", "olivia", "jack", "lachlan", "isabella", "mia", "ruby", "harrison", "riley", "jayden",
        "samantha", "caitlin", "bailey", "zoe", "ethan", "kayla", "connor", "brooke", "tahlia", "madison"};
    private static final String[] SURNAMES = {"smith", "jones", "williams", "brown", "wilson", "taylor", "johnson",
        "white", "martin", "anderson", "thompson", "nguyen", "thomas", "walker", "harris", "lee", "ryan", "robinson",
        "kelly", "king", "davis", "wright", "evans", "roberts", "green", "hall", "wood", "jackson", "clarke", "patel",
        "khan", "lewis", "james", "phillips", "mitchell", "turner", "morgan", "campbell", "young", "cooper",
        "matthews", "reid", "hughes", "morris", "ward", "baker", "bell", "stewart", "dixon", "webb", "neumann",
        "beaumont", "hope", "sirl", "kubler", "grenfell", "dent", "crowe", "mcdonald", "oconnor"};
    private static final String[] STREETS = {"stanley street", "light street", "sculthorpe circuit", "bignell street",
        "miller street", "stuart street", "wattle avenue", "banksia road", "ocean parade", "hill crescent",
        "kingsford smith drive", "river terrace", "station street", "church street", "park avenue", "high street",
        "george street", "victoria road", "beach road", "bridge street"};
    private static final String[] ADDRESS_2 = {"", "", "", "", "miami", "killarney", "the rocks", "oakleigh",
        "rosedale", "wynnum gardens", "kelvin grove", "maple court", "sunset village", "apartment 3"};
    private static final String[] SUBURBS = {"winston hills", "toowoomba", "north ryde", "randwick", "brunswick",
        "fitzroy", "st kilda", "mosman", "paddington", "bondi", "manly", "parramatta", "penrith", "ipswich",
        "geelong", "ballarat", "bendigo", "wollongong", "newcastle", "hobart", "darwin", "canberra", "fremantle",
        "subiaco", "glenelg", "morphett vale", "queanbeyan", "dubbo", "orange", "tamworth"};
    private static final String[] STATES = {"nsw", "nsw", "nsw", "vic", "vic", "qld", "qld", "wa", "sa", "tas", "act",
        "nt"};
    private static final String[][] VARIANTS = {{"ph", "f"}, {"ck", "k"}, {"ll", "l"}, {"ey", "y"}, {"ie", "y"},
        {"th", "t"}, {"c", "k"}, {"ou", "ow"}, {"mm", "m"}, {"ss", "s"}};

    private FebrlStyleData() {
    }

    /**
     * Writes Febrl-style sample files into a directory: {@code dataset3.csv} (like Febrl 3: 5,000 records, 2,000 of
     * them duplicates, up to 5 per original) and {@code dataset4a.csv} / {@code dataset4b.csv} (like Febrl 4: 5,000
     * originals and one duplicate of each).
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : ".");
        Files.createDirectories(dir);
        write(dir.resolve("dataset3.csv"), generate(3_000, 2_000, 5, 3));
        List<String[]> four = generate(5_000, 200_000, 1, 4);
        List<String[]> a = new ArrayList<>();
        List<String[]> b = new ArrayList<>();
        for (String[] r : four) {
            (r[0].endsWith("-org") ? a : b).add(r);
        }
        write(dir.resolve("dataset4a.csv"), a);
        write(dir.resolve("dataset4b.csv"), b);
    }

    /**
     * Generates {@code originals} originals and {@code duplicates} duplicates (each of a random original, at most
     * {@code maxPerOriginal} per original), in Febrl's shuffled order.
     */
    static List<String[]> generate(int originals, int duplicates, int maxPerOriginal, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String[]> out = new ArrayList<>();
        List<String[]> orgs = new ArrayList<>();
        for (int i = 0; i < originals; i++) {
            String dob = String.format("%04d%02d%02d", 1920 + random.nextInt(85), 1 + random.nextInt(12),
                    1 + random.nextInt(28));
            String[] r = {"rec-" + i + "-org", pick(GIVEN, random), pick(SURNAMES, random),
                Integer.toString(1 + random.nextInt(random.nextInt(10) < 8 ? 150 : 2000)), pick(STREETS, random),
                pick(ADDRESS_2, random), pick(SUBURBS, random), Integer.toString(2000 + random.nextInt(5000)),
                pick(STATES, random), dob, Integer.toString(1_000_000 + random.nextInt(9_000_000))};
            if (random.nextInt(100) < 3) {
                r[1] = "";
            }
            orgs.add(r);
            out.add(r);
        }
        int[] dupCount = new int[originals];
        for (int d = 0; d < duplicates; d++) {
            int o = random.nextInt(originals);
            if (dupCount[o] >= maxPerOriginal) {
                continue;
            }
            String[] dup = orgs.get(o).clone();
            dup[0] = "rec-" + o + "-dup-" + dupCount[o]++;
            int modifications = 1 + random.nextInt(3);
            for (int m = 0; m < modifications; m++) {
                corrupt(dup, random);
            }
            out.add(dup);
        }
        // shuffle deterministically, as Febrl files are not in entity order
        for (int i = out.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String[] t = out.get(i);
            out.set(i, out.get(j));
            out.set(j, t);
        }
        return out;
    }

    private static void corrupt(String[] r, SplittableRandom random) {
        int field = 1 + random.nextInt(10);
        int kind = random.nextInt(10);
        if (kind == 0) {
            r[field] = ""; // missing value
        } else if (kind == 1 && field <= 2) {
            String t = r[1]; // given name and surname swapped
            r[1] = r[2];
            r[2] = t;
        } else if (kind == 2 && field <= 2) {
            for (String[] v : VARIANTS) {
                if (r[field].contains(v[0])) {
                    r[field] = r[field].replaceFirst(v[0], v[1]);
                    break;
                }
            }
        } else if (field == 3 && kind < 5) {
            r[3] = Integer.toString(1 + random.nextInt(150));
        } else {
            r[field] = typo(r[field], random, field == 3 || field >= 7);
        }
    }

    private static String typo(String s, SplittableRandom random, boolean digits) {
        if (s.isEmpty()) {
            return s;
        }
        StringBuilder b = new StringBuilder(s);
        int p = random.nextInt(s.length());
        char c = digits ? (char) ('0' + random.nextInt(10)) : (char) ('a' + random.nextInt(26));
        switch (random.nextInt(4)) {
            case 0 -> b.insert(p, c);
            case 1 -> {
                if (b.length() > 1) {
                    b.deleteCharAt(p);
                }
            }
            case 2 -> b.setCharAt(p, c);
            default -> {
                if (p + 1 < b.length()) {
                    char x = b.charAt(p);
                    b.setCharAt(p, b.charAt(p + 1));
                    b.setCharAt(p + 1, x);
                }
            }
        }
        return b.toString();
    }

    private static String pick(String[] values, SplittableRandom random) {
        return values[random.nextInt(values.length)];
    }

    /** Writes records as a Febrl CSV file: header and values joined by {@code ", "}. */
    static void write(Path file, List<String[]> records) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        for (String[] r : records) {
            lines.add(String.join(", ", r));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
