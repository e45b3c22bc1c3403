package dev.banyan.server.ingest.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes single rows into a STANDARD table — the corrected rows from quarantine — with the same rule as a batch
 * merge: a version from an older batch never replaces one from a newer batch.
 */
final class StandardRowWriter {

    private final JdbcClient jdbc;

    StandardRowWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return whether the row is now the current version of its key */
    boolean upsert(StandardTable table, List<String> columnTypes, StandardRow row, long batch, long rowNumber) {
        StringBuilder cols = new StringBuilder();
        StringBuilder values = new StringBuilder();
        StringBuilder update = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            String c = RawTable.quote(table.columns().get(i));
            cols.append(c).append(", ");
            values.append("cast(? as ").append(columnTypes.get(i)).append("), ");
            update.append(c).append(" = excluded.").append(c).append(", ");
            params.add(row.values()[i]);
        }
        params.addAll(Arrays.asList(row.key(), batch, rowNumber, hash(row), row.flags() == null, row.flags()));
        int changed = jdbc.sql("insert into " + table.qualifiedName() + " as t (" + cols
                        + "_key, _batch, _row, _row_hash, _valid, _flags) values (" + values
                        + "?, ?, ?, ?, ?, cast(? as jsonb)) on conflict (_key) do update set " + update
                        + "_batch = excluded._batch, _row = excluded._row, _row_hash = excluded._row_hash,"
                        + " _valid = excluded._valid, _flags = excluded._flags, _updated_at = now()"
                        + " where (t._batch, t._row) <= (excluded._batch, excluded._row)")
                .params(params).update();
        return changed == 1;
    }

    private static byte[] hash(StandardRow row) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String v : row.values()) {
                sha.update(String.valueOf(v).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0x1F);
            }
            return Arrays.copyOf(sha.digest(), CopyRows.HASH_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
