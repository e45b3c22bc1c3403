package dev.banyan.synthcity.output;

import dev.banyan.synthcity.economy.Enterprises;
import dev.banyan.synthcity.people.Population;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes the records of one dataset: gives each a stable record id (记录标识) in column 0, counts it, and notes in the
 * ground truth which person or company it is about.
 */
public final class DatasetWriter implements Closeable {

    private final DatasetSpec spec;
    private final TableWriter table;
    private final GroundTruthLedger ledger;
    private final int width;
    private long rows;

    DatasetWriter(DatasetSpec spec, TableWriter table, GroundTruthLedger ledger) {
        this.spec = spec;
        this.table = table;
        this.ledger = ledger;
        this.width = spec.columns().size();
    }

    public DatasetSpec spec() {
        return spec;
    }

    /** A fresh row array of the dataset's width. */
    public String[] newRow() {
        return new String[width];
    }

    /** Writes a record that is not about a person or company (a vehicle, a school, a house); returns its id. */
    public String write(String[] row) {
        if (row.length != width) {
            throw new IllegalArgumentException(spec.name() + ": row has " + row.length + " values, expected " + width);
        }
        String id = recordId(++rows);
        row[0] = id;
        try {
            table.write(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return id;
    }

    /** Writes a record about a person. */
    public String person(String[] row, int person) {
        requireGroundTruth();
        String id = write(row);
        ledger.person(spec.name(), id, Population.personId(person));
        return id;
    }

    /** Writes a record about a company. */
    public String company(String[] row, int enterprise) {
        requireGroundTruth();
        String id = write(row);
        ledger.company(spec.name(), id, Enterprises.companyId(enterprise));
        return id;
    }

    private void requireGroundTruth() {
        // a dataset about households or houses must not leak records into the person or company ground truth
        if (!spec.subject().hasGroundTruth()) {
            throw new IllegalStateException(spec.name() + " is about " + spec.subject().label()
                    + ", not about persons or companies");
        }
    }

    private String recordId(long n) {
        String digits = Long.toString(n);
        StringBuilder b = new StringBuilder(spec.recordPrefix().length() + 9).append(spec.recordPrefix());
        for (int i = digits.length(); i < 9; i++) {
            b.append('0');
        }
        return b.append(digits).toString();
    }

    public long rows() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        table.close();
    }
}
