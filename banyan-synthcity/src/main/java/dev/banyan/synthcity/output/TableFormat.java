package dev.banyan.synthcity.output;

/** The file formats departments hand their data over in (交换格式). */
public enum TableFormat {
    CSV("csv"),
    TSV("tsv"),
    NDJSON("ndjson"),
    XLSX("xlsx");

    private final String label;

    TableFormat(String label) {
        this.label = label;
    }

    /** The lower-case name used in the manifest and as the file extension. */
    public String label() {
        return label;
    }
}
