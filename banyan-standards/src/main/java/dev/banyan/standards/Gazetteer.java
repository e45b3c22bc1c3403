package dev.banyan.standards;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A gazetteer (地名库) of the units below the county that GB/T 2260 does not cover: townships (街道/镇/乡)
 * and communities or villages (社区/村), with their codes. {@link AddressParser} uses one to recognise these
 * names in addresses and to give their codes.
 *
 * <p>{@link #fuzhou()} is the bundled list of Fuzhou's 13 county-level divisions used by Banyan's synthetic
 * city ({@code gazetteer/README.md} says where it comes from); {@link #of(Collection, Collection)} builds one
 * from any list, e.g. a city's own table; {@link #none()} knows no names. Implementations must be
 * thread-safe.
 */
public interface Gazetteer {

    /** The townships of the county with this GB/T 2260 code (in force today), in their order; empty if unknown. */
    List<Township> townships(String countyCode);

    /** The communities and villages of the township with this code, in their order; empty if unknown. */
    List<Community> communities(String townshipCode);

    /** A gazetteer that knows no townships or communities. */
    static Gazetteer none() {
        return ListedGazetteer.EMPTY;
    }

    /**
     * A gazetteer of the given units.
     *
     * @throws IllegalArgumentException if a code is listed twice or a community's township is not listed
     */
    static Gazetteer of(Collection<Township> townships, Collection<Community> communities) {
        return new ListedGazetteer(townships, communities);
    }

    /** The bundled townships and communities of Fuzhou (福州市, 350100): 94 townships, 387 communities and villages. */
    static Gazetteer fuzhou() {
        return ListedGazetteer.Fuzhou.INSTANCE;
    }

    /**
     * Reads a gazetteer from tab-separated lines {@code code, name, parent_code} after a header line: 9-digit
     * codes are townships (parent: the six-digit county code), longer codes communities (parent: the
     * township code); the format of {@code gazetteer/fuzhou.tsv}.
     *
     * @throws UncheckedIOException  if reading fails
     * @throws IllegalStateException if a line is malformed
     */
    static Gazetteer fromTsv(InputStream in) {
        List<Township> townships = new ArrayList<>();
        List<Community> communities = new ArrayList<>();
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            String line;
            int lineNumber = 1;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] row = line.strip().split("\t");
                if (row.length < 3) {
                    throw new IllegalStateException("gazetteer line " + lineNumber + " is malformed: " + line);
                }
                if (row[0].length() == 9) {
                    townships.add(new Township(row[0], row[1], row[2]));
                } else {
                    communities.add(new Community(row[0], row[1], row[2]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read gazetteer", e);
        }
        return of(townships, communities);
    }
}
