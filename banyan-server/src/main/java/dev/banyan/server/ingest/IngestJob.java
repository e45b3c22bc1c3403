package dev.banyan.server.ingest;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An ingest job (采集任务): a source bound to a catalog resource with the field mapping a person confirmed, run by hand
 * or on a cron schedule. Every run is a batch of its own ({@link IngestBatch#jobId()}); a JDBC source with a
 * {@code watermark_column} runs incrementally, each run resuming after the highest value its last landed batch saw.
 *
 * @param sourceOptions connector options (see {@link SourceOption}); a value {@code ${env:NAME}} is read from the
 *                      environment when the job runs, so that passwords need not be stored
 * @param fieldMapping  field name → source column; fields left out are landed empty
 * @param schedule      a cron expression ({@code 0 2 * * *}: every day at 02:00, China time; six fields with seconds, or
 *                      {@code @daily}, also work), or {@code null} for by hand only
 * @param nextRunAt     when the schedule runs it next, or {@code null}
 */
public record IngestJob(long id, String name, String resourceCode, String sourceType, String sourceLocation,
                        Map<String, String> sourceOptions, Map<String, String> fieldMapping, String schedule,
                        boolean enabled, Instant nextRunAt, String createdBy, Instant createdAt, Instant updatedAt) {

    private static final Set<String> SECRET_OPTIONS = Set.of("password");

    public IngestJob {
        sourceOptions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sourceOptions));
        fieldMapping = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fieldMapping));
    }

    /** The options as they may be shown: secrets (passwords, header values) hidden unless read from the environment. */
    public Map<String, String> shownOptions() {
        Map<String, String> shown = new LinkedHashMap<>();
        sourceOptions.forEach((k, v) -> {
            boolean secret = SECRET_OPTIONS.contains(k) || k.startsWith(SourceOption.HEADERS.key());
            shown.put(k, secret && v != null && !v.startsWith("${env:") ? "******" : v);
        });
        return shown;
    }

    /** The location as it may be shown: passwords, tokens and keys in it hidden. */
    public String shownLocation() {
        return SourceSpec.redacted(sourceLocation);
    }

    /** Whether the source is reached over the network (a database or an HTTP API) rather than a file on the server. */
    public boolean network() {
        return !SourceSpec.FILE_TYPES.contains(sourceType);
    }

    /** Whether each run loads only the rows after the last run's high watermark. */
    public boolean incremental() {
        return sourceOptions.containsKey(SourceOption.WATERMARK_COLUMN.key());
    }
}
