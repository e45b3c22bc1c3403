package dev.banyan.server.ingest.internal;

import dev.banyan.server.ingest.SourceConnector;
import dev.banyan.server.ingest.SourceErrorCode;
import dev.banyan.server.ingest.SourceException;
import dev.banyan.server.ingest.SourceFingerprint;
import dev.banyan.server.ingest.SourceOption;
import dev.banyan.server.ingest.SourceReader;
import dev.banyan.server.ingest.SourceSpec;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * A table or query of a department's database (部门业务库), over JDBC: a full load, or an <em>incremental</em> load of
 * the rows whose watermark column is above the last loaded value ({@code WHERE col > ? ORDER BY col}); the highest
 * value read is offered as {@link SourceReader#highWatermark()} for the next run.
 *
 * <p>Streams with a server-side cursor (auto-commit off, read-only, {@code fetch_size} rows per round trip), so a
 * big table needs little memory. Values are the driver's text of each column ({@link ResultSet#getString}); for
 * PostgreSQL that is its own text output (dates ISO). A connection that fails mid-run raises
 * {@link SourceErrorCode#SOURCE_FAILED} with the row reached; nothing read in that run is to be kept.
 */
public final class JdbcConnector implements SourceConnector {

    private static final Set<SourceOption> OPTIONS = EnumSet.of(SourceOption.USER, SourceOption.PASSWORD,
            SourceOption.TABLE, SourceOption.QUERY, SourceOption.WATERMARK_COLUMN, SourceOption.WATERMARK_VALUE,
            SourceOption.FETCH_SIZE, SourceOption.EXPECTED_COLUMNS, SourceOption.TIMEOUT_SECONDS);

    @Override
    public String type() {
        return "jdbc";
    }

    @Override
    public Set<SourceOption> options() {
        return OPTIONS;
    }

    /** The JDBC URL without credentials, for messages. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password|pwd)=[^&;]*", "$1=******");
    }

    @Override
    public SourceReader open(SourceSpec spec) {
        String url = spec.location();
        String shown = redact(url);
        if (!url.startsWith("jdbc:")) {
            throw new SourceException(SourceErrorCode.BAD_OPTION, shown, null, "not a JDBC URL",
                    "give a URL such as jdbc:postgresql://host:5432/db.", null);
        }
        SourceSpec.Options o = spec.options();
        if (o.table() == null && o.query() == null) {
            throw new SourceException(SourceErrorCode.BAD_OPTION, shown, null, "neither table nor query is given",
                    "give table (e.g. transport.vehicles) or query (a SELECT).");
        }
        String base = o.table() != null ? "SELECT * FROM " + o.table() : o.query().strip().replaceAll(";\\s*$", "");
        String sql;
        if (o.watermarkColumn() != null) {
            sql = "SELECT * FROM (" + base + ") src" + (o.watermarkValue() != null ? " WHERE " + o.watermarkColumn()
                    + " > ?" : "") + " ORDER BY " + o.watermarkColumn();
        } else {
            sql = base;
        }
        Properties props = new Properties();
        if (o.user() != null) {
            props.setProperty("user", o.user());
        }
        if (o.password() != null) {
            props.setProperty("password", o.password());
        }
        Connection c;
        try {
            DriverManager.setLoginTimeout((int) Math.min(Integer.MAX_VALUE, o.timeout().toSeconds()));
            c = DriverManager.getConnection(url, props);
        } catch (SQLException e) {
            throw new SourceException(SourceErrorCode.NOT_READABLE, shown, null, "cannot connect: " + e.getMessage()
                    + " (SQLState " + e.getSQLState() + ")",
                    "check that the database is running and reachable, the URL, user and password.", e);
        }
        return AbstractSourceReader.started(new JdbcReader(shown, spec, c), r -> r.start(sql));
    }

    private static final class JdbcReader extends AbstractSourceReader {

        private final SourceSpec spec;
        private final Connection connection;
        private PreparedStatement statement;
        private ResultSet rs;
        private int count;
        private int watermarkIndex = -1;
        private String high;
        private final ContentHash hash = new ContentHash();

        JdbcReader(String shown, SourceSpec spec, Connection connection) {
            super(shown);
            this.spec = spec;
            this.connection = connection;
        }

        void start(String sql) {
            SourceSpec.Options o = spec.options();
            try {
                connection.setAutoCommit(false); // PostgreSQL streams with a cursor only outside auto-commit
                connection.setReadOnly(true);
                statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
                statement.setFetchSize(o.fetchSize());
                if (o.watermarkColumn() != null && o.watermarkValue() != null) {
                    bindWatermark(o);
                }
                rs = statement.executeQuery();
                ResultSetMetaData md = rs.getMetaData();
                count = md.getColumnCount();
                List<String> names = new ArrayList<>(count);
                for (int i = 1; i <= count; i++) {
                    names.add(md.getColumnLabel(i));
                    if (md.getColumnLabel(i).equalsIgnoreCase(String.valueOf(o.watermarkColumn()))) {
                        watermarkIndex = i;
                    }
                }
                columns(names);
                Headers.check(names, o.expectedColumns(), source, o.table() != null ? "table " + o.table() : "query");
                hash.add(names);
            } catch (SQLException e) {
                throw new SourceException(SourceErrorCode.NOT_READABLE, source,
                        o.table() != null ? "table " + o.table() : "query",
                        "the query failed: " + e.getMessage() + " (SQLState " + e.getSQLState() + ")",
                        "check the table / query and watermark column, and that the user may read them.", e);
            }
        }

        /** Binds the last watermark typed like the column, so that dates compare as dates, numbers as numbers. */
        private void bindWatermark(SourceSpec.Options o) throws SQLException {
            int type;
            try (PreparedStatement probe = connection.prepareStatement("SELECT " + o.watermarkColumn() + " FROM ("
                    + (o.table() != null ? "SELECT * FROM " + o.table() : o.query().strip().replaceAll(";\\s*$", ""))
                    + ") src WHERE 1 = 0")) {
                type = probe.getMetaData().getColumnType(1);
            }
            String v = o.watermarkValue();
            try {
                switch (type) {
                    case Types.DATE -> statement.setObject(1, LocalDate.parse(v));
                    case Types.TIMESTAMP -> statement.setObject(1, LocalDateTime.parse(v.replace(' ', 'T')));
                    case Types.TIMESTAMP_WITH_TIMEZONE -> statement.setObject(1, OffsetDateTime.parse(
                            v.replace(' ', 'T').replaceAll("([+-]\\d\\d)$", "$1:00")));
                    case Types.INTEGER, Types.SMALLINT, Types.TINYINT, Types.BIGINT -> statement.setLong(1, Long.parseLong(v));
                    case Types.NUMERIC, Types.DECIMAL, Types.REAL, Types.FLOAT, Types.DOUBLE ->
                            statement.setBigDecimal(1, new BigDecimal(v));
                    default -> statement.setString(1, v);
                }
            } catch (RuntimeException e) {
                throw new SourceException(SourceErrorCode.BAD_OPTION, source, "column " + o.watermarkColumn(),
                        "watermark_value '" + v + "' does not fit the column's type (" + connection.getMetaData()
                        .getDatabaseProductName() + " type " + type + ")",
                        "give the value as the column shows it, e.g. 2025-06-30 for a date.", e);
            }
        }

        @Override
        protected Row read() {
            try {
                if (!rs.next()) {
                    return null;
                }
                List<String> values = new ArrayList<>(count);
                for (int i = 1; i <= count; i++) {
                    values.add(rs.getString(i));
                }
                if (watermarkIndex > 0 && values.get(watermarkIndex - 1) != null) {
                    high = values.get(watermarkIndex - 1);
                }
                hash.add(values);
                return new Row(values, List.of());
            } catch (SQLException e) {
                throw new SourceException(SourceErrorCode.SOURCE_FAILED, source, "after row " + rowsRead(),
                        "the database failed while being read: " + e.getMessage() + " (SQLState " + e.getSQLState() + ")",
                        "nothing read in this run may be kept; rerun the load when the database is reachable.", e);
            }
        }

        @Override
        public Optional<String> highWatermark() {
            return Optional.ofNullable(high);
        }

        @Override
        protected SourceFingerprint finish(long rows) {
            return hash.finish(rows);
        }

        @Override
        public String description() {
            SourceSpec.Options o = spec.options();
            return "JDBC " + (o.table() != null ? "table " + o.table() : "query")
                    + (o.watermarkColumn() == null ? ", full load"
                    : o.watermarkValue() == null ? ", full load ordered by " + o.watermarkColumn()
                    : ", incremental: " + o.watermarkColumn() + " > " + o.watermarkValue());
        }

        @Override
        protected void release() {
            try {
                if (rs != null) {
                    rs.close();
                }
                if (statement != null) {
                    statement.close();
                }
                connection.rollback();
            } catch (SQLException e) {
                // the connection may be dead already
            } finally {
                try {
                    connection.close();
                } catch (SQLException e) {
                    // nothing to do
                }
            }
        }
    }
}
