package dev.banyan.synthcity.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A tab-separated reference table bundled with the generator (参考数据): lines starting with {@code #} carry the
 * provenance and are skipped; the first other line is the header.
 */
public final class BundledTsv {

    private BundledTsv() {
    }

    /** The data rows (header excluded) of {@code /dev/banyan/synthcity/<name>}. */
    public static List<String[]> rows(String name) {
        String path = "/dev/banyan/synthcity/" + name;
        try (InputStream in = BundledTsv.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled table " + path);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            boolean header = true;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                rows.add(line.split("\t", -1));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits a list cell written with the Chinese enumeration comma {@code 、}. */
    public static List<String> items(String cell) {
        List<String> items = new ArrayList<>();
        for (String s : cell.split("、")) {
            if (!s.isBlank()) {
                items.add(s.strip());
            }
        }
        return items;
    }
}
