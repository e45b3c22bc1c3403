package dev.banyan.linkage;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;

/**
 * The core of the command-line linkage tool (链接命令):
 * {@code link --config link.yaml INPUT.csv [SECOND.csv] [--truth TRUTH.csv] [--out clusters.csv]}. Reads one file to
 * deduplicate or two to link, in their own CSV layout as described by the {@link LinkConfig}; writes
 * {@code record_id,source,cluster_id}; with a truth (a truth file, or the config's {@code idPattern}) prints pairwise
 * precision, recall and F1 with the pairs compared and the time. Plain Java; the server's CLI wraps it.
 */
public final class LinkCommand {

    /**
     * What to run.
     *
     * @param config the YAML configuration
     * @param inputs one or two CSV files
     * @param truth  a truth CSV, or {@code null}
     * @param out    where to write the clusters, or {@code null}
     */
    public record Options(Path config, List<Path> inputs, Path truth, Path out) {

        public Options {
            inputs = List.copyOf(inputs);
            if (inputs.isEmpty() || inputs.size() > 2) {
                throw new IllegalArgumentException("give one file to deduplicate or two to link");
            }
        }

        /** Parses {@code --config FILE INPUT [SECOND] [--truth FILE] [--out FILE]}. */
        public static Options parse(String... args) {
            Path config = null;
            Path truth = null;
            Path out = null;
            List<Path> inputs = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--config", "-c" -> config = Path.of(value(args, ++i, "--config"));
                    case "--truth" -> truth = Path.of(value(args, ++i, "--truth"));
                    case "--out", "-o" -> out = Path.of(value(args, ++i, "--out"));
                    default -> {
                        if (args[i].startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + args[i]);
                        }
                        inputs.add(Path.of(args[i]));
                    }
                }
            }
            if (config == null) {
                throw new IllegalArgumentException("--config is required");
            }
            return new Options(config, inputs, truth, out);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }
    }

    /**
     * What a run produced.
     *
     * @param records    records read
     * @param result     the linkage result
     * @param evaluation accuracy against the truth, or {@code null} without one
     * @param elapsed    wall time of the linkage (reading and writing excluded)
     */
    public record Report(int records, LinkageResult result, PairwiseEvaluation evaluation, Duration elapsed) {
    }

    private LinkCommand() {
    }

    /** Command-line entry: prints the report, exits 2 on bad usage. */
    public static void main(String[] args) {
        try {
            run(Options.parse(args), System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("link: " + e.getMessage());
            System.err.println("usage: link --config link.yaml INPUT.csv [SECOND.csv] [--truth TRUTH.csv] [--out clusters.csv]");
            System.exit(2);
        } catch (IOException e) {
            System.err.println("link: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Runs the linkage and prints a summary to {@code out}. */
    public static Report run(Options options, PrintStream out) throws IOException {
        LinkConfig config = LinkConfig.read(options.config());
        if (!config.modeGiven()) {
            config = config.withMode(options.inputs().size() == 2 ? LinkMode.LINK : LinkMode.DEDUPLICATE);
        }
        List<LinkRecord> records = new ArrayList<>();
        for (Path input : options.inputs()) {
            read(input, config, records);
        }
        Map<String, String> truth = null;
        if (options.truth() != null) {
            truth = readTruth(options.truth(), config);
        } else if (config.truthPattern() != null) {
            truth = truthFromIds(records, config);
        }
        long start = System.nanoTime();
        RecordLinkage linkage = new RecordLinkage(config.schema());
        if (truth != null) {
            linkage = linkage.truth(truth);
        }
        LinkageResult result = linkage.run(records, List.of());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        PairwiseEvaluation evaluation = truth == null ? null : PairwiseEvaluation.of(result.clusterOf(), truth);
        if (options.out() != null) {
            write(options.out(), records, result);
        }
        out.printf(Locale.ROOT, "%,d records, %,d pairs compared, %,d clusters, %,d pairs for review, %.2f s (%s)%n",
                records.size(), result.pairsCompared(), result.clusterCount(), result.reviewPairs().size(),
                elapsed.toMillis() / 1e3, result.times());
        out.println(result.blocking().describe(config.schema().blocking()));
        if (evaluation != null) {
            out.printf(Locale.ROOT, "precision %.4f  recall %.4f  F1 %.4f%n", evaluation.precision(),
                    evaluation.recall(), evaluation.f1());
        }
        return new Report(records.size(), result, evaluation, elapsed);
    }

    private static void read(Path input, LinkConfig config, List<LinkRecord> out) throws IOException {
        String fileName = input.getFileName().toString();
        try (CsvReader<CsvRecord> csv = CsvReader.builder().fieldSeparator(config.separator()).detectBomHeader(true)
                .skipEmptyLines(true).allowMissingFields(true).allowExtraFields(true)
                .ofCsvRecord(input, config.charset())) {
            Map<String, Integer> header = null;
            int[] positions = null;
            int idPos = -1;
            int sourcePos = -1;
            for (CsvRecord r : csv) {
                if (header == null) {
                    header = new HashMap<>();
                    for (int i = 0; i < r.getFieldCount(); i++) {
                        header.put(r.getField(i).strip(), i);
                    }
                    idPos = position(header, config.idColumn(), input);
                    sourcePos = config.sourceColumn() == null ? -1 : position(header, config.sourceColumn(), input);
                    positions = new int[config.columns().size()];
                    for (int f = 0; f < positions.length; f++) {
                        positions[f] = position(header, config.columns().get(f), input);
                    }
                    continue;
                }
                List<String> values = new ArrayList<>(positions.length);
                for (int p : positions) {
                    values.add(field(r, p));
                }
                String source = sourcePos >= 0 ? field(r, sourcePos) : fileName;
                out.add(new LinkRecord(field(r, idPos), source, values));
            }
        }
    }

    private static int position(Map<String, Integer> header, String column, Path file) {
        Integer p = header.get(column);
        if (p == null) {
            throw new IllegalArgumentException(file + " has no column '" + column + "'; it has " + header.keySet());
        }
        return p;
    }

    // Febrl and many exports pad values with spaces after the separator
    private static String field(CsvRecord r, int position) {
        return position < r.getFieldCount() ? r.getField(position).strip() : "";
    }

    private static Map<String, String> truthFromIds(List<LinkRecord> records, LinkConfig config) {
        Map<String, String> truth = new HashMap<>();
        for (LinkRecord r : records) {
            Matcher m = config.truthPattern().matcher(r.id());
            truth.put(r.id(), m.find() ? m.group(m.groupCount() >= 1 ? 1 : 0) : r.id());
        }
        return truth;
    }

    /** Reads record → entity (first two columns), or matching pairs, which are joined into entities. */
    private static Map<String, String> readTruth(Path file, LinkConfig config) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> csv = CsvReader.builder().detectBomHeader(true).skipEmptyLines(true)
                .allowMissingFields(true).ofCsvRecord(file, StandardCharsets.UTF_8)) {
            boolean first = true;
            for (CsvRecord r : csv) {
                if (first) {
                    first = false;
                    continue;
                }
                if (r.getFieldCount() >= 2) {
                    rows.add(new String[]{r.getField(0).strip(), r.getField(1).strip()});
                }
            }
        }
        if (!config.truthPairs()) {
            Map<String, String> truth = new HashMap<>();
            rows.forEach(row -> truth.put(row[0], row[1]));
            return truth;
        }
        Map<String, String> parent = new HashMap<>();
        for (String[] row : rows) {
            String a = root(parent, row[0]);
            String b = root(parent, row[1]);
            if (!a.equals(b)) {
                parent.put(a.compareTo(b) < 0 ? b : a, a.compareTo(b) < 0 ? a : b);
            }
        }
        Map<String, String> truth = new HashMap<>();
        for (String id : new ArrayList<>(parent.keySet())) {
            truth.put(id, root(parent, id));
        }
        return truth;
    }

    private static String root(Map<String, String> parent, String id) {
        String r = id;
        parent.putIfAbsent(id, id);
        while (!parent.get(r).equals(r)) {
            r = parent.get(r);
        }
        return r;
    }

    private static void write(Path file, List<LinkRecord> records, LinkageResult result) {
        Map<String, String> sourceOf = new TreeMap<>();
        records.forEach(r -> sourceOf.put(r.id(), r.source()));
        try (CsvWriter w = CsvWriter.builder().build(file, StandardCharsets.UTF_8)) {
            w.writeRecord("record_id", "source", "cluster_id");
            for (Map.Entry<String, String> e : sourceOf.entrySet()) {
                w.writeRecord(e.getKey(), e.getValue(), result.clusterOf().get(e.getKey()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
