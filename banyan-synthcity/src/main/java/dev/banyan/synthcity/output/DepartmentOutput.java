package dev.banyan.synthcity.output;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where one department writes (部门输出目录): its folder, its part of the ground truth, its progress meter and the list
 * of datasets it produced.
 */
public final class DepartmentOutput implements Closeable {

    private final Path cityDir;
    private final String servedAs;
    private final GroundTruthLedger ledger;
    private final ProgressMeter progress;
    private final List<WrittenDataset> written = new ArrayList<>();
    private DatasetWriter open;

    public DepartmentOutput(Path cityDir, String servedAs, GroundTruthLedger ledger, ProgressMeter progress) {
        this.cityDir = cityDir;
        this.servedAs = servedAs;
        this.ledger = ledger;
        this.progress = progress;
    }

    public ProgressMeter progress() {
        return progress;
    }

    /** Opens a dataset for writing; datasets of one department are written one after the other. */
    public DatasetWriter open(DatasetSpec spec) throws IOException {
        if (open != null) {
            throw new IllegalStateException("dataset " + open.spec().name() + " is still open");
        }
        Path file = cityDir.resolve(spec.relativePath());
        Files.createDirectories(file.getParent());
        open = new DatasetWriter(spec, TableWriter.open(file, spec), ledger);
        return open;
    }

    /** Closes the open dataset and records it. */
    public void finish(DatasetWriter writer) throws IOException {
        if (writer != open) {
            throw new IllegalStateException("not the open dataset");
        }
        open = null;
        writer.close();
        written.add(new WrittenDataset(writer.spec(), writer.rows(), servedAs));
    }

    public List<WrittenDataset> written() {
        return List.copyOf(written);
    }

    @Override
    public void close() throws IOException {
        if (open != null) {
            open.close();
        }
        ledger.close();
    }
}
