package dev.banyan.server.ingest.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The RAW-zone table of one catalog resource (原始库表): {@code raw.<sanitised resource code>} with one {@code text}
 * column per catalog field, plus {@code _extra} (what the source had beyond the mapped columns, as JSON — nothing is
 * lost), {@code _batch}, {@code _row} and {@code _row_hash}. Names are derived
 * deterministically, so every node (and every run) computes the same table for the same resource.
 *
 * @param name    the table name, unquoted, in schema {@code raw}
 * @param fields  the catalog field names, in catalog order
 * @param columns the column of each field, unquoted, in the same order
 */
public record RawTable(String name, List<String> fields, List<String> columns) {

    /** The schema of the RAW zone. */
    public static final String SCHEMA = "raw";

    /** PostgreSQL's identifier limit (NAMEDATALEN - 1), in bytes. */
    static final int MAX_IDENTIFIER_BYTES = 63;

    static final Set<String> SYSTEM_COLUMNS = Set.of("_extra", "_batch", "_row", "_row_hash");

    public RawTable {
        fields = List.copyOf(fields);
        columns = List.copyOf(columns);
    }

    /** The table for a resource with these fields. */
    public static RawTable of(String resourceCode, List<String> fields) {
        return new RawTable(tableName(resourceCode), fields, columnNames(fields));
    }

    /** {@code raw."name"}. */
    public String qualifiedName() {
        return SCHEMA + "." + quote(name);
    }

    /**
     * The table name of a resource code: lower case, every character other than {@code a-z 0-9} replaced by
     * {@code _}; if longer than 63 characters, cut to 54 and suffixed with {@code _} and 8 hex digits of the code's
     * SHA-256, so that two long codes sharing a prefix do not share a table.
     */
    public static String tableName(String resourceCode) {
        String lower = resourceCode.strip().toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            b.append(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' ? c : '_');
        }
        String name = b.toString();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a resource code is needed for a RAW table");
        }
        return name.length() <= MAX_IDENTIFIER_BYTES ? name : name.substring(0, 54) + "_" + shortHash(resourceCode);
    }

    /**
     * The column names of fields: the field name itself if it fits in 63 bytes (UTF-8) and is not a system column
     * name or taken already; otherwise the name cut at a character boundary and suffixed with {@code _} and 8 hex
     * digits of its SHA-256. Each column carries a comment with the full field name.
     */
    public static List<String> columnNames(List<String> fields) {
        Set<String> taken = new HashSet<>(SYSTEM_COLUMNS);
        List<String> columns = new ArrayList<>(fields.size());
        for (String field : fields) {
            String column = field;
            if (column.isEmpty() || column.indexOf('\0') >= 0 || utf8Length(column) > MAX_IDENTIFIER_BYTES
                    || taken.contains(column)) {
                column = truncated(field.replace('\0', '_'), MAX_IDENTIFIER_BYTES - 9) + "_" + shortHash(field);
                for (int n = 2; taken.contains(column); n++) {   // practically never: equal hashes of distinct names
                    column = truncated(field.replace('\0', '_'), MAX_IDENTIFIER_BYTES - 13) + "_" + shortHash(field + "#" + n);
                }
            }
            taken.add(column);
            columns.add(column);
        }
        return columns;
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static String truncated(String s, int maxBytes) {
        StringBuilder b = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + len > maxBytes) {
                break;
            }
            b.appendCodePoint(cp);
            bytes += len;
            i += Character.charCount(cp);
        }
        return b.toString();
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String shortHash(String s) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
