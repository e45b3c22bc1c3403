package dev.banyan.synthcity;

import dev.banyan.synthcity.departments.TransportBureau;
import dev.banyan.synthcity.output.Column;
import dev.banyan.synthcity.output.DatasetSpec;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Loads the one department that is served as a live database (部门业务库) — the transport bureau — into PostgreSQL:
 * creates schema {@code transport} with typed tables {@code operators}, {@code vehicles} and {@code drivers}, with
 * Chinese comments, and copies the rows of {@code transport/*.csv} in with PgJDBC's {@link CopyManager}.
 *
 * <p>Idempotent: the schema is dropped and recreated, all in one transaction, so loading twice gives the same tables
 * and a failed load leaves the previous ones in place.
 */
public final class DepartmentDatabase {

    /** The schema the tables are created in. */
    public static final String SCHEMA = TransportBureau.SCHEMA;

    private DepartmentDatabase() {
    }

    /** The tables in load order (operators before the vehicles that reference them). */
    public static List<DatasetSpec> tables() {
        return List.of(TransportBureau.OPERATORS, TransportBureau.VEHICLES, TransportBureau.DRIVERS);
    }

    /**
     * Creates the schema and loads the generated rows.
     *
     * @param connection a PostgreSQL connection (PgJDBC); its auto-commit setting is restored afterwards
     * @param cityDir    the directory a {@link CityGenerator} wrote the city into
     * @throws IOException  if a table file is missing or its header does not match the table
     * @throws SQLException if PostgreSQL rejects the statements or rows
     */
    public static void load(Connection connection, Path cityDir) throws SQLException, IOException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            st.execute("CREATE SCHEMA " + SCHEMA);
            st.execute("COMMENT ON SCHEMA " + SCHEMA + " IS '榕城市交通运输局道路运输管理业务库（合成数据）'");
            for (DatasetSpec table : tables()) {
                st.execute(createTable(table));
                st.execute("COMMENT ON TABLE " + qualified(table) + " IS " + literal(table.titleZh()));
                for (Column c : table.columns()) {
                    if (!c.comment().isEmpty()) {
                        st.execute("COMMENT ON COLUMN " + qualified(table) + "." + c.name() + " IS " + literal(c.comment()));
                    }
                }
            }
            for (DatasetSpec table : tables()) {
                Path file = cityDir.resolve(table.relativePath());
                try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    reader.mark(8_192);
                    String header = reader.readLine();
                    String expected = String.join(",", table.columnNames());
                    if (header == null || !header.equals(expected)) {
                        throw new IOException(file + ": header does not match table " + qualified(table)
                                + " (expected " + expected + ")");
                    }
                    reader.reset();
                    copy.copyIn("COPY " + qualified(table) + " (" + String.join(", ", table.columnNames())
                            + ") FROM STDIN WITH (FORMAT csv, HEADER true)", reader);
                }
            }
            st.execute("ALTER TABLE " + SCHEMA + ".vehicles ADD FOREIGN KEY (operator_record_id) REFERENCES "
                    + SCHEMA + ".operators (record_id)");
            st.execute("CREATE INDEX ON " + SCHEMA + ".operators (uscc)");
            st.execute("CREATE INDEX ON " + SCHEMA + ".vehicles (plate_number)");
            st.execute("CREATE INDEX ON " + SCHEMA + ".drivers (id_number)");
            connection.commit();
        } catch (SQLException | IOException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static String createTable(DatasetSpec table) {
        StringBuilder b = new StringBuilder("CREATE TABLE ").append(qualified(table)).append(" (");
        List<Column> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            b.append(i == 0 ? "" : ", ").append(c.name()).append(' ').append(c.type().sqlType());
            if (c.name().equals(DatasetSpec.RECORD_ID)) {
                b.append(" PRIMARY KEY");
            }
        }
        return b.append(')').toString();
    }

    private static String qualified(DatasetSpec table) {
        return SCHEMA + "." + table.name();
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
