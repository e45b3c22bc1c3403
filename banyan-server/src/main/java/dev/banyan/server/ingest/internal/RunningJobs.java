package dev.banyan.server.ingest.internal;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The job runs in progress on this node (运行中的采集任务) and the rows each has read so far, for the console's live
 * progress. Nothing of it is stored: a run that did not finish left no batch, and the next run starts afresh.
 */
final class RunningJobs {

    /** A run in progress. */
    record Run(long jobId, String resourceCode, Instant startedAt, long rowsRead) {
    }

    private final ConcurrentHashMap<Long, Run> runs = new ConcurrentHashMap<>();

    void started(long jobId, String resourceCode) {
        runs.put(jobId, new Run(jobId, resourceCode, Instant.now(), 0));
    }

    void progress(long jobId, long rowsRead) {
        runs.computeIfPresent(jobId, (id, r) -> new Run(id, r.resourceCode(), r.startedAt(), rowsRead));
    }

    void finished(long jobId) {
        runs.remove(jobId);
    }

    List<Run> all() {
        return List.copyOf(runs.values());
    }

    boolean isRunning(long jobId) {
        return runs.containsKey(jobId);
    }
}
