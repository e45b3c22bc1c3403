package dev.banyan.server.ingest;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Ingest jobs (采集任务管理): suggest a field mapping for a source, create a job with the confirmed mapping and an
 * optional cron schedule, run it by hand, enable or disable it. Scheduled jobs are run by the server itself.
 */
public interface IngestJobs {

    /**
     * Opens the source to read its columns and suggests which column feeds which field of the resource.
     *
     * @throws SourceException if the source cannot be read
     */
    MappingSuggestion suggestMapping(String resourceCode, String sourceType, String sourceLocation,
                                     Map<String, String> sourceOptions);

    /**
     * Creates a job.
     *
     * @throws dev.banyan.server.platform.InvalidInputException naming every problem: unknown resource field or option,
     *                                                          a bad schedule, an empty mapping
     */
    IngestJob create(NewIngestJob job, String by);

    List<IngestJob> list();

    List<IngestJob> ofResource(String resourceCode);

    Optional<IngestJob> find(long id);

    IngestJob setEnabled(long id, boolean enabled, String by);

    /**
     * Runs the job now: lands and governs its source as one new batch.
     *
     * @throws dev.banyan.server.platform.NotFoundException if there is no such job
     */
    IngestResult run(long id, String by, LongConsumer progress);

    /** The job's runs (batches), newest first. */
    List<IngestBatch> runs(long id, int limit);
}
