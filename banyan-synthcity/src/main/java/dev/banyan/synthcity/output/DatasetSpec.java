package dev.banyan.synthcity.output;

import java.nio.charset.Charset;
import java.util.List;

/**
 * The description of one dataset a department hands over (数据资源): its file, format, encoding, titles, subject and
 * columns. The first column is always {@code record_id}.
 *
 * @param department   department code, also its folder
 * @param name         dataset name, e.g. household_registration
 * @param format       file format
 * @param charset      text encoding (UTF-8 or GBK); ignored for xlsx
 * @param bom          whether the text file starts with a UTF-8 byte-order mark (as Excel writes it)
 * @param crlf         whether lines end with CR LF (Windows tools) instead of LF
 * @param titleZh      Chinese title
 * @param titleEn      English title
 * @param subject      what a record is about
 * @param recordPrefix prefix of the record ids, e.g. HJ
 * @param columns      the columns in order
 */
public record DatasetSpec(String department, String name, TableFormat format, Charset charset, boolean bom,
                          boolean crlf, String titleZh, String titleEn, Subject subject, String recordPrefix,
                          List<Column> columns) {

    public static final String RECORD_ID = "record_id";

    public DatasetSpec {
        columns = List.copyOf(columns);
        if (columns.isEmpty() || !columns.get(0).name().equals(RECORD_ID)) {
            throw new IllegalArgumentException(name + ": the first column must be " + RECORD_ID);
        }
    }

    public String fileName() {
        return name + "." + format.label();
    }

    /** Path relative to the city directory, with forward slashes. */
    public String relativePath() {
        return department + "/" + fileName();
    }

    /** The encoding as the manifest states it. */
    public String encodingLabel() {
        return format == TableFormat.XLSX ? "binary" : charset.name();
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }
}
