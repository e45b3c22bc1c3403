package dev.banyan.server.ingest;

import java.util.Map;

/**
 * What a data liaison fills in to create an {@link IngestJob} (新建采集任务); the field mapping is the one they
 * confirmed, usually starting from {@link IngestJobs#suggestMapping}.
 */
public record NewIngestJob(String name, String resourceCode, String sourceType, String sourceLocation,
                           Map<String, String> sourceOptions, Map<String, String> fieldMapping, String schedule) {

    public NewIngestJob {
        sourceOptions = sourceOptions == null ? Map.of() : Map.copyOf(sourceOptions);
        fieldMapping = fieldMapping == null ? Map.of() : Map.copyOf(fieldMapping);
    }
}
