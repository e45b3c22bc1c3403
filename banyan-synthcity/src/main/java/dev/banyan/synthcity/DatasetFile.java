package dev.banyan.synthcity;

/**
 * One file of the generated city (数据文件), as listed in {@code manifest.json}.
 *
 * @param department   department code (its folder), or {@code ground_truth}
 * @param dataset      dataset name, e.g. {@code household_registration}
 * @param relativePath path below the city directory with forward slashes, e.g. {@code public-security/household_registration.csv}
 * @param format       {@code csv}, {@code tsv}, {@code ndjson} or {@code xlsx}
 * @param encoding     {@code UTF-8}, {@code GBK}, or {@code binary} for xlsx
 * @param rows         number of records, header excluded
 * @param servedAs     {@code file} (hand-over for ingest), {@code database} (load with {@link DepartmentDatabase} and
 *                     read live over JDBC) or {@code ground-truth} (for evaluation only)
 */
public record DatasetFile(String department, String dataset, String relativePath, String format, String encoding,
                          long rows, String servedAs) {
}
