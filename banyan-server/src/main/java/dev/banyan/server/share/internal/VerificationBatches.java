package dev.banyan.server.share.internal;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.banyan.server.audit.Evidence;
import dev.banyan.server.audit.EvidenceLog;
import dev.banyan.server.platform.BanyanSettings;
import dev.banyan.server.platform.InvalidInputException;
import dev.banyan.server.share.DataService;
import dev.banyan.server.share.DataServices;
import dev.banyan.server.share.Grant;
import dev.banyan.server.share.Grants;
import dev.banyan.server.share.RowCondition;
import dev.banyan.server.share.ServiceKind;
import dev.banyan.standards.CitizenIdNumber;
import dev.banyan.standards.ParseResult;
import jakarta.annotation.PreDestroy;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Batch verification (批量核验): a consumer's file of up to millions of subjects, verified set-based — the subjects
 * copied into an unlogged table, every fact gathered for all of them by one statement ({@link VerificationPlan}),
 * streamed back in input order and evaluated on every core — into a result file (subject as given, {@code yes},
 * {@code no} or {@code invalid}, reason code) under {@code <data dir>/share/verification/}. Batches run one at a time,
 * in the order they came; a batch found queued or running when the server starts runs (again) under the same id.
 * Each finished batch is evidence ({@code share.verification.batch}) with its counts and the result file's SHA-256.
 */
@Service
class VerificationBatches {

    private static final Logger log = LoggerFactory.getLogger(VerificationBatches.class);

    /** At most this many subjects in one batch. */
    static final long MAX_SUBJECTS = 10_000_000;
    /** Subjects evaluated together by one worker. */
    private static final int CHUNK = 8_192;
    private static final String COLUMNS = """
            id, service_code, service_id, service_version, client_id, grant_id, department_id, submitted_by, status,
            input_name, subjects, processed, yes_count, no_count, invalid_count, sha256, error, attempts, created_at,
            started_at, finished_at, input_path, result_path""";

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Path dir;
    private final VerificationHandler handler;
    private final DataServices services;
    private final Grants grants;
    private final EvidenceLog evidence;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("verification-batch").daemon().factory());
    private final int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    private final ExecutorService evaluators = Executors.newFixedThreadPool(threads,
            Thread.ofPlatform().name("verification-eval-", 0).daemon().factory());

    VerificationBatches(JdbcClient jdbc, DataSource dataSource, BanyanSettings settings, VerificationHandler handler,
                        DataServices services, Grants grants, EvidenceLog evidence, Clock clock,
                        org.springframework.transaction.PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.dir = settings.dataDir().resolve("share").resolve("verification");
        this.handler = handler;
        this.services = services;
        this.grants = grants;
        this.evidence = evidence;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
        evaluators.shutdownNow();
    }

    // -----------------------------------------------------------------------------------------------------------------
    // Submitting and reading

    /**
     * Stores the subjects and queues the batch.
     *
     * @param grant        the grant that lets the consumer call the service (its row scope applies), or null for the
     *                     owner's own staff
     * @param departmentId the consumer department
     * @param submittedBy  {@code client:<id>} or {@code user:<name>}
     */
    VerificationBatch submit(DataService service, Grant grant, long departmentId, String submittedBy, InputStream subjects,
                             String name) throws IOException {
        if (service.kind() != ServiceKind.VERIFICATION) {
            throw new InvalidInputException("service", "share.verification.error.notVerification", service.code());
        }
        Files.createDirectories(dir);
        long id = jdbc.sql("select nextval('share.verification_batch_id_seq')").query(Long.class).single();
        Path input = dir.resolve("batch-" + id + "-subjects.csv");
        Path part = dir.resolve("batch-" + id + "-subjects.csv.part");
        try (OutputStream out = Files.newOutputStream(part)) {
            subjects.transferTo(out);
        }
        Files.move(part, input, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        jdbc.sql("""
                insert into share.verification_batch (id, service_code, service_id, service_version, client_id, grant_id,
                    department_id, submitted_by, status, input_path, input_name, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?, ?)""")
                .params(id, service.code(), service.id(), service.version(), grant == null ? null : grant.clientId(),
                        grant == null ? null : grant.id(), departmentId, submittedBy, input.toString(),
                        name == null ? null : truncate(name, 200), now())
                .update();
        runner.execute(() -> run(id));
        return find(id).orElseThrow();
    }

    Optional<VerificationBatch> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from share.verification_batch where id = ?").param(id)
                .query(VerificationBatches::map).optional();
    }

    /** A service's batches, newest first; only a client's own when {@code clientId} is given. */
    List<VerificationBatch> ofService(String serviceCode, String clientId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from share.verification_batch where service_code = ?"
                        + (clientId == null ? "" : " and client_id = ?") + " order by id desc limit " + Math.max(1, limit))
                .params(clientId == null ? List.of(serviceCode) : List.of(serviceCode, clientId))
                .query(VerificationBatches::map).list();
    }

    /** Batches of a consumer department, or every batch when {@code departmentId} is null; newest first. */
    List<VerificationBatch> recent(Long departmentId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from share.verification_batch"
                        + (departmentId == null ? "" : " where department_id = ?") + " order by id desc limit " + Math.max(1, limit))
                .params(departmentId == null ? List.of() : List.of(departmentId))
                .query(VerificationBatches::map).list();
    }

    /** The result file of a finished batch. */
    Optional<Path> result(VerificationBatch batch) {
        return batch.status() == VerificationBatch.Status.DONE && batch.resultPath() != null
                ? Optional.of(Path.of(batch.resultPath())).filter(Files::isRegularFile) : Optional.empty();
    }

    // -----------------------------------------------------------------------------------------------------------------
    // Running

    /** At start: a batch left running by a stopped server is queued again, and every queued batch is run. */
    @EventListener(ApplicationReadyEvent.class)
    void resume() {
        int restarted = jdbc.sql("update share.verification_batch set status = 'QUEUED' where status = 'RUNNING'").update();
        List<Long> queued = jdbc.sql("select id from share.verification_batch where status = 'QUEUED' order by id")
                .query(Long.class).list();
        if (!queued.isEmpty()) {
            log.info("Resuming {} verification batches ({} interrupted)", queued.size(), restarted);
        }
        queued.forEach(id -> runner.execute(() -> run(id)));
    }

    /** Runs a queued batch to the end; does nothing if it is not queued (another runner took it). */
    void run(long id) {
        int claimed = jdbc.sql("""
                update share.verification_batch set status = 'RUNNING', started_at = ?, attempts = attempts + 1,
                    processed = 0, yes_count = 0, no_count = 0, invalid_count = 0, error = null
                where id = ? and status = 'QUEUED'""").params(now(), id).update();
        if (claimed == 0) {
            return;
        }
        VerificationBatch batch = find(id).orElseThrow();
        long t0 = System.nanoTime();
        try {
            Counts counts = verify(batch);
            transaction.executeWithoutResult(s -> {
                jdbc.sql("""
                        update share.verification_batch set status = 'DONE', subjects = ?, processed = ?, yes_count = ?,
                            no_count = ?, invalid_count = ?, result_path = ?, sha256 = ?, finished_at = ?
                        where id = ?""")
                        .params(counts.subjects(), counts.subjects(), counts.yes(), counts.no(), counts.invalid(),
                                counts.file().toString(), counts.sha256(), now(), id)
                        .update();
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("batch", id);
                payload.put("version", batch.serviceVersion());
                payload.put("consumerDepartment", batch.departmentId());
                if (batch.grantId() != null) {
                    payload.put("grant", batch.grantId());
                }
                payload.put("subjects", counts.subjects());
                payload.put("yes", counts.yes());
                payload.put("no", counts.no());
                payload.put("invalid", counts.invalid());
                payload.put("resultSha256", counts.sha256());
                evidence.record(Evidence.of("share.verification.batch", batch.submittedBy(), "service:" + batch.serviceCode(),
                        payload));
            });
            log.info("Verification batch {} of {}: {} subjects ({} yes, {} no, {} invalid) in {} s (subjects read and copied in {} s)",
                    id, batch.serviceCode(), counts.subjects(), counts.yes(), counts.no(), counts.invalid(),
                    String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9),
                    String.format(Locale.ROOT, "%.1f", counts.copySeconds()));
        } catch (Exception | OutOfMemoryError e) {
            log.warn("Verification batch {} of {} failed: {}", id, batch.serviceCode(), e.toString());
            try {
                Files.deleteIfExists(dir.resolve("batch-" + id + "-result.csv.part"));
            } catch (IOException ignored) {
                // a partial result is replaced by the next run anyway
            }
            String message = e instanceof BatchFailure ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
            jdbc.sql("update share.verification_batch set status = 'FAILED', error = ?, finished_at = ? where id = ?")
                    .params(truncate(message, 1000), now(), id).update();
        }
    }

    /** What a batch found, and its result file. */
    record Counts(long subjects, long yes, long no, long invalid, Path file, String sha256, double copySeconds) {
    }

    /** A batch that cannot run, with a reason for its consumer. */
    static final class BatchFailure extends RuntimeException {
        BatchFailure(String message) {
            super(message, null, false, false);
        }
    }

    private Counts verify(VerificationBatch batch) throws Exception {
        DataService service = services.versions(batch.serviceCode()).stream().filter(s -> s.id() == batch.serviceId())
                .findFirst().orElseThrow(() -> new BatchFailure("service version " + batch.serviceVersion() + " not found"));
        VerificationPlan plan = handler.plan(service);
        List<RowCondition> scope = null;
        if (batch.grantId() != null) {
            Grant grant = grants.find(batch.grantId()).orElse(null);
            if (grant == null || !grant.liveAt(clock.instant())) {
                throw new BatchFailure("the grant " + batch.grantId() + " is no longer in force");
            }
            scope = grant.rowScope().isEmpty() ? null : grant.rowScope();
        }
        String table = "share.verification_subjects_" + batch.id();
        try (Connection c = dataSource.getConnection()) {
            try {
                c.setAutoCommit(true);
                try (var s = c.createStatement()) {
                    s.execute("drop table if exists " + table);
                    s.execute("create unlogged table " + table + " (ord bigint, given text, id text, problem text)");
                }
                long c0 = System.nanoTime();
                long subjects = copySubjects(c, Path.of(batch.inputPath()), table);
                double copySeconds = (System.nanoTime() - c0) / 1e9;
                jdbc.sql("update share.verification_batch set subjects = ? where id = ?").params(subjects, batch.id()).update();
                try (var s = c.createStatement()) {
                    s.execute("analyze " + table);
                }
                c.setAutoCommit(false);
                try (var s = c.createStatement()) {
                    s.execute("set local work_mem = '256MB'");
                }
                Counts counts = answer(c, plan, plan.statement("select ord, given, id, problem from " + table, scope), batch);
                c.commit();
                return new Counts(counts.subjects(), counts.yes(), counts.no(), counts.invalid(), counts.file(),
                        counts.sha256(), copySeconds);
            } finally {
                c.rollback();
                c.setAutoCommit(true);
                try (var s = c.createStatement()) {
                    s.execute("drop table if exists " + table);
                }
            }
        }
    }

    /**
     * Reads the subjects file (UTF-8 or GBK/GB18030; one column, or the first of several; a first line not shaped
     * like a subject is a header) into the table, each subject standardised or marked invalid with its reason.
     *
     * @return the number of subjects
     */
    static long copySubjects(Connection c, Path input, String table) throws IOException, SQLException {
        Charset charset = charsetOf(input);
        PGConnection pg = c.unwrap(PGConnection.class);
        long ord = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(input), 1 << 16);
             Reader reader = new InputStreamReader(skipBom(in), charset);
             CsvReader<CsvRecord> csv = CsvReader.builder().allowExtraFields(true).allowMissingFields(true)
                     .ofCsvRecord(reader);
             PGCopyOutputStream copy = new PGCopyOutputStream(pg, "copy " + table + " (ord, given, id, problem) from stdin");
             Writer out = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), 1 << 16)) {
            boolean first = true;
            StringBuilder line = new StringBuilder(64);
            for (CsvRecord record : csv) {
                String given = record.getFieldCount() == 0 ? "" : record.getField(0).strip();
                if (given.isEmpty() && record.getFields().stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (first) {
                    first = false;
                    if (given.chars().noneMatch(ch -> ch >= '0' && ch <= '9')) {
                        continue;   // a header
                    }
                }
                if (++ord > MAX_SUBJECTS) {
                    throw new BatchFailure("more than " + MAX_SUBJECTS + " subjects in one batch");
                }
                ParseResult<CitizenIdNumber> id = CitizenIdNumber.parse(given);
                line.setLength(0);
                line.append(ord).append('\t');
                escape(given, line);
                if (id.isValid()) {
                    line.append('\t').append(id.value().value()).append("\t\\N\n");
                } else {
                    line.append("\t\\N\t").append(invalidReason(id)).append('\n');
                }
                out.append(line);
            }
        }
        return ord;
    }

    /** The reason code of an invalid subject, from the identity number's first problem, e.g. {@code ID_CHECK_CHARACTER}. */
    static String invalidReason(ParseResult<?> id) {
        String code = id.isEmptyInput() ? "empty" : id.problemCode();
        if (code == null) {
            return "ID_INVALID";
        }
        return "ID_" + code.substring(code.indexOf('.') + 1).toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private Counts answer(Connection c, VerificationPlan plan, VerificationPlan.Statement statement,
                          VerificationBatch batch) throws Exception {
        LocalDate today = handler.today();
        Path file = dir.resolve("batch-" + batch.id() + "-result.csv");
        Path part = dir.resolve("batch-" + batch.id() + "-result.csv.part");
        MessageDigest sha256 = sha256();
        long yes = 0;
        long no = 0;
        long invalid = 0;
        long done = 0;
        long reported = System.nanoTime();
        try (PreparedStatement s = c.prepareStatement(statement.sql());
             OutputStream out = new BufferedOutputStream(new DigestOutputStream(Files.newOutputStream(part), sha256), 1 << 16)) {
            s.setFetchSize(CHUNK);
            VerificationHandler.bind(c, s, 1, statement.values());
            out.write("subject,result,reason\n".getBytes(StandardCharsets.UTF_8));
            ArrayDeque<Future<Block>> pending = new ArrayDeque<>();
            int facts = statement.facts();
            FactType[] types = new FactType[facts];
            for (int i = 0; i < facts; i++) {
                types[i] = plan.rule().type(i);
            }
            try (ResultSet rs = s.executeQuery()) {
                List<Subject> chunk = new ArrayList<>(CHUNK);
                boolean more = true;
                while (more) {
                    more = rs.next();
                    if (more) {
                        Object[] values = new Object[facts];
                        for (int i = 0; i < facts; i++) {
                            values[i] = types[i].fromJdbc(rs.getObject(5 + i));
                        }
                        chunk.add(new Subject(rs.getString(2), rs.getString(3), rs.getString(4), values,
                                !statement.scoped() || rs.getBoolean(5 + facts)));
                    }
                    if (chunk.size() == CHUNK || (!more && !chunk.isEmpty())) {
                        List<Subject> work = chunk;
                        pending.add(evaluators.submit(() -> evaluate(plan.rule(), work, today)));
                        chunk = new ArrayList<>(CHUNK);
                    }
                    while (!pending.isEmpty() && (pending.size() > 2 * threads || !more)) {
                        Block b = get(pending.poll());
                        out.write(b.csv());
                        yes += b.yes();
                        no += b.no();
                        invalid += b.invalid();
                        done += b.subjects();
                        if (System.nanoTime() - reported > 1_000_000_000L) {
                            reported = System.nanoTime();
                            jdbc.sql("update share.verification_batch set processed = ? where id = ?").params(done, batch.id()).update();
                        }
                    }
                }
            }
        }
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Counts(done, yes, no, invalid, file, HexFormat.of().formatHex(sha256.digest()), 0);
    }

    private static Block get(Future<Block> f) throws Exception {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        }
    }

    /** One subject as the statement returns it. */
    private record Subject(String given, String id, String problem, Object[] facts, boolean inScope) {
    }

    /** A chunk's lines of the result file and its counts. */
    private record Block(byte[] csv, int subjects, int yes, int no, int invalid) {
    }

    private static Block evaluate(VerificationRule rule, List<Subject> subjects, LocalDate today) {
        StringBuilder csv = new StringBuilder(subjects.size() * 32);
        int yes = 0;
        int no = 0;
        int invalid = 0;
        for (Subject s : subjects) {
            csvField(s.given(), csv);
            if (s.id() == null) {
                csv.append(",invalid,").append(s.problem()).append('\n');
                invalid++;
            } else if (!s.inScope()) {
                csv.append(",invalid,OUT_OF_SCOPE\n");
                invalid++;
            } else {
                VerificationResult r;
                try {
                    r = rule.evaluate(s.id(), s.facts(), today);
                } catch (dev.cel.runtime.CelEvaluationException e) {
                    csv.append(",invalid,EVALUATION_ERROR\n");
                    invalid++;
                    continue;
                }
                if (r.yes()) {
                    csv.append(",yes,\n");
                    yes++;
                } else {
                    csv.append(",no,").append(r.reason()).append('\n');
                    no++;
                }
            }
        }
        return new Block(csv.toString().getBytes(StandardCharsets.UTF_8), subjects.size(), yes, no, invalid);
    }

    // -----------------------------------------------------------------------------------------------------------------
    // Files

    /** UTF-8 if the file's first 64 KiB decode as UTF-8 (a multi-byte character cut at the end aside), else GB18030 (GBK). */
    static Charset charsetOf(Path file) throws IOException {
        byte[] sample;
        try (InputStream in = Files.newInputStream(file)) {
            sample = in.readNBytes(1 << 16);
        }
        int end = sample.length;
        if (end == 1 << 16) {
            while (end > 0 && (sample[end - 1] & 0xC0) == 0x80) {
                end--;   // continuation bytes of a character cut by the sample's end
            }
            if (end > 0 && (sample[end - 1] & 0x80) != 0) {
                end--;   // and its lead byte
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(sample, 0, end));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return Charset.forName("GB18030");
        }
    }

    private static InputStream skipBom(InputStream in) throws IOException {
        in.mark(3);
        byte[] b = in.readNBytes(3);
        if (!(b.length == 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF)) {
            in.reset();
        }
        return in;
    }

    /** PostgreSQL COPY text format: backslash, tab, newline and carriage return escaped. */
    private static void escape(String s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
    }

    /** A CSV field, quoted when it needs to be (RFC 4180). */
    static void csvField(String s, StringBuilder out) {
        boolean quote = false;
        for (int i = 0; i < s.length() && !quote; i++) {
            char ch = s.charAt(i);
            quote = ch == ',' || ch == '"' || ch == '\n' || ch == '\r';
        }
        // A field that a spreadsheet would run as a formula is quoted and prefixed with an apostrophe.
        boolean formula = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0;
        if (!quote && !formula) {
            out.append(s);
            return;
        }
        out.append('"');
        if (formula) {
            out.append('\'');
        }
        out.append(s.replace("\"", "\"\""));
        out.append('"');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static VerificationBatch map(ResultSet rs, int row) throws SQLException {
        long grant = rs.getLong("grant_id");
        Long grantId = rs.wasNull() ? null : grant;
        return new VerificationBatch(rs.getLong("id"), rs.getString("service_code"), rs.getLong("service_id"),
                rs.getInt("service_version"), rs.getString("client_id"), grantId, rs.getLong("department_id"),
                rs.getString("submitted_by"), VerificationBatch.Status.valueOf(rs.getString("status")),
                rs.getString("input_name"), rs.getLong("subjects"), rs.getLong("processed"), rs.getLong("yes_count"),
                rs.getLong("no_count"), rs.getLong("invalid_count"), rs.getString("sha256"), rs.getString("error"),
                rs.getInt("attempts"), instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")), rs.getString("input_path"), rs.getString("result_path"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
