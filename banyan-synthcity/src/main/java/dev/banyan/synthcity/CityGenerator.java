package dev.banyan.synthcity;

import dev.banyan.synthcity.chance.SeedMixer;
import dev.banyan.synthcity.departments.City;
import dev.banyan.synthcity.departments.Department;
import dev.banyan.synthcity.departments.Departments;
import dev.banyan.synthcity.departments.MasterFiles;
import dev.banyan.synthcity.economy.Employment;
import dev.banyan.synthcity.economy.EnterpriseBuilder;
import dev.banyan.synthcity.economy.Enterprises;
import dev.banyan.synthcity.economy.Pensions;
import dev.banyan.synthcity.economy.Poverty;
import dev.banyan.synthcity.economy.Wages;
import dev.banyan.synthcity.geo.AddressBook;
import dev.banyan.synthcity.geo.Gazetteer;
import dev.banyan.synthcity.mess.Habits;
import dev.banyan.synthcity.mess.MessMaker;
import dev.banyan.synthcity.mess.MessRates;
import dev.banyan.synthcity.output.DatasetSpec;
import dev.banyan.synthcity.output.DepartmentOutput;
import dev.banyan.synthcity.output.GroundTruthFiles;
import dev.banyan.synthcity.output.GroundTruthLedger;
import dev.banyan.synthcity.output.ProgressMeter;
import dev.banyan.synthcity.output.WrittenDataset;
import dev.banyan.synthcity.people.BirthPlaces;
import dev.banyan.synthcity.people.DivisionHistory;
import dev.banyan.synthcity.people.IdNumberIssuer;
import dev.banyan.synthcity.people.Mortality;
import dev.banyan.synthcity.people.NameBook;
import dev.banyan.synthcity.people.PersonalParticulars;
import dev.banyan.synthcity.people.Population;
import dev.banyan.synthcity.people.PopulationBuilder;
import dev.banyan.synthcity.property.HouseOwnership;
import dev.banyan.synthcity.property.Houses;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Generates the synthetic city Rongcheng (榕城合成城市生成器): builds the true population, market entities and houses
 * in memory as compact arrays, then lets each of the twelve departments write its source data — in parallel, each
 * with its own random stream — and finally writes the ground truth, {@code manifest.json} and {@code README.txt}.
 *
 * <p>The same options always produce byte-identical files, whatever the number of threads.
 */
public final class CityGenerator {

    private static final String GROUND_TRUTH = "ground_truth";

    private final int threads;

    public CityGenerator() {
        this(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
    }

    /** A generator that writes at most {@code threads} departments at a time. */
    public CityGenerator(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.threads = threads;
    }

    /**
     * Generates a city into {@code options.outDir()}, replacing files a previous run left there (department folders,
     * ground truth, manifest and README); other files in the directory are left alone.
     *
     * @throws UncheckedIOException if a file cannot be written
     */
    public GenerationReport generate(GenerationOptions options, ProgressListener listener) {
        long started = System.nanoTime();
        ProgressListener progress = serialised(listener == null ? ProgressListener.none() : listener);
        try {
            Path out = options.outDir();
            List<Department> departments = Departments.all();
            clear(out, departments);
            City city = build(options, progress);

            Path truthDir = out.resolve(GROUND_TRUTH);
            Path partsDir = truthDir.resolve(".parts");
            Files.createDirectories(partsDir);
            List<GroundTruthLedger> ledgers = new ArrayList<>();
            for (int i = 0; i < departments.size(); i++) {
                ledgers.add(new GroundTruthLedger(partsDir, i, departments.get(i).code()));
            }
            List<Manifest.Entry> entries = writeDepartments(city, departments, ledgers, out, progress);

            ProgressMeter truth = new ProgressMeter(progress, "ground-truth",
                    (long) city.population().size() + city.enterprises().size());
            long[] joined = GroundTruthFiles.join(truthDir, ledgers);
            Files.delete(partsDir);
            long[] masters = MasterFiles.write(city, truthDir, truth);
            truth.finish();

            List<DatasetFile> groundTruth = List.of(
                    truthFile("persons", GroundTruthFiles.PERSONS, joined[0]),
                    truthFile("companies", GroundTruthFiles.COMPANIES, joined[1]),
                    truthFile("persons_master", MasterFiles.PERSONS, masters[0]),
                    truthFile("companies_master", MasterFiles.COMPANIES, masters[1]));
            ProgressMeter manifest = new ProgressMeter(progress, "manifest", 1);
            Manifest.write(out, options, city.population().householdCount(), city.enterprises().size(),
                    city.houses().size(), entries, groundTruth);
            Readme.write(out, options, city.enterprises().size(), entries, groundTruth);
            manifest.finish();

            List<DatasetFile> files = new ArrayList<>();
            for (Manifest.Entry e : entries) {
                for (WrittenDataset w : e.datasets()) {
                    DatasetSpec s = w.spec();
                    files.add(new DatasetFile(e.department().code(), s.name(), s.relativePath(), s.format().label(),
                            s.encodingLabel(), w.rows(), w.servedAs()));
                }
            }
            files.addAll(groundTruth);
            return new GenerationReport(out, options.persons(), city.enterprises().size(), files,
                    Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DatasetFile truthFile(String dataset, String file, long rows) {
        return new DatasetFile(GROUND_TRUTH, dataset, GROUND_TRUTH + "/" + file, "csv", "UTF-8", rows, "ground-truth");
    }

    /** Builds the true city: people, households, deaths, enterprises, jobs, poverty, house titles. */
    static City build(GenerationOptions options, ProgressListener progress) {
        long seed = options.seed();
        int n = options.persons();
        Gazetteer gazetteer = Gazetteer.load();
        AddressBook addressBook = new AddressBook(gazetteer);
        DivisionHistory history = DivisionHistory.load();
        BirthPlaces places = BirthPlaces.load(gazetteer, history);
        NameBook names = NameBook.load();
        Houses houses = new Houses(addressBook, n / 2 + n / 8 + 16);

        ProgressMeter persons = new ProgressMeter(progress, "persons", n);
        Population population = new PopulationBuilder(seed, gazetteer, names, places, houses)
                .build(n, new IdNumberIssuer(places, n), persons::reached);
        Mortality.apply(population, seed);
        persons.finish();

        int count = Math.max(1, (int) Math.round(n / 12.0));
        ProgressMeter enterprises = new ProgressMeter(progress, "enterprises", count);
        Enterprises ent = new EnterpriseBuilder(seed, gazetteer, population, houses).build(count, enterprises::reached);
        Employment.assign(population, ent, seed);
        Poverty.mark(population, seed);
        enterprises.finish();

        ProgressMeter titles = new ProgressMeter(progress, "houses", 1);
        HouseOwnership.assign(population, ent, houses, gazetteer, seed);
        titles.finish();

        return new City(seed, options.profile(), gazetteer, addressBook, places, names, population, ent, houses,
                new PersonalParticulars(seed, population, names), new Wages(seed, population, ent),
                new Pensions(seed, population));
    }

    private List<Manifest.Entry> writeDepartments(City city, List<Department> departments,
                                                  List<GroundTruthLedger> ledgers, Path out,
                                                  ProgressListener progress) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread t = new Thread(runnable, "synthcity-department");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Manifest.Entry>> futures = new ArrayList<>();
            for (int i = 0; i < departments.size(); i++) {
                int index = i;
                futures.add(pool.submit(() -> writeDepartment(city, departments.get(index), index,
                        ledgers.get(index), out, progress)));
            }
            List<Manifest.Entry> entries = new ArrayList<>();
            for (Future<Manifest.Entry> f : futures) {
                entries.add(f.get());
            }
            return entries;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing departments", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Manifest.Entry writeDepartment(City city, Department d, int index, GroundTruthLedger ledger,
                                                  Path out, ProgressListener progress) throws IOException {
        Habits habits = d.habits();
        MessRates rates = habits.rates().scaled(city.profile());
        // each department has its own stream, so the files do not depend on which thread runs first
        MessMaker mess = new MessMaker(rates, new SplittableRandom(SeedMixer.of(city.seed(), 0xDE9A, index)),
                habits.date(), habits.phone(), habits.address());
        ProgressMeter meter = new ProgressMeter(progress, d.code(), d.plannedWork(city));
        try (DepartmentOutput output = new DepartmentOutput(out, d.servedAs(), ledger, meter)) {
            d.write(city, mess, output);
            List<DatasetSpec> written = output.written().stream().map(WrittenDataset::spec).toList();
            if (!written.equals(d.datasets())) {
                throw new IllegalStateException(d.code() + " wrote " + written + " but declares " + d.datasets());
            }
            meter.finish();
            return new Manifest.Entry(d, rates, output.written());
        }
    }

    private static void clear(Path out, List<Department> departments) throws IOException {
        Files.createDirectories(out);
        List<Path> ours = new ArrayList<>();
        for (Department d : departments) {
            ours.add(out.resolve(d.code()));
        }
        ours.add(out.resolve(GROUND_TRUTH));
        for (Path p : ours) {
            if (Files.exists(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(f);
                    }
                }
            }
        }
        Files.deleteIfExists(out.resolve(Manifest.FILE));
        Files.deleteIfExists(out.resolve(Readme.FILE));
    }

    private static ProgressListener serialised(ProgressListener listener) {
        Object lock = new Object();
        return (stage, done, total) -> {
            synchronized (lock) {
                listener.onProgress(stage, done, total);
            }
        };
    }
}
