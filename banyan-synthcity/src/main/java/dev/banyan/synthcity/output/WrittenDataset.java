package dev.banyan.synthcity.output;

/**
 * A dataset file after it was written (已生成的数据集).
 *
 * @param spec     its description
 * @param rows     number of records (header excluded)
 * @param servedAs how the platform gets it: {@code file} (upload/ingest), {@code database} (live JDBC source)
 */
public record WrittenDataset(DatasetSpec spec, long rows, String servedAs) {
}
