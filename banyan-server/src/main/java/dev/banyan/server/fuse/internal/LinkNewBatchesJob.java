package dev.banyan.server.fuse.internal;

import dev.banyan.server.fuse.EntityKind;
import dev.banyan.server.fuse.LinkRun;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Links newly governed batches into the base libraries on a schedule (增量链接任务): every few minutes, for each
 * library that has been built and whose sources received batches since its last run, one node — the one holding a
 * PostgreSQL advisory lock — links the new rows into the existing entities; then, if anything changed, rebuilds the
 * house and address libraries (keyed by unit number and address text, so their ids stay). Off with
 * {@code banyan.fuse.scheduler.enabled=false}; the interval is {@code banyan.fuse.link-interval} (default 5 minutes).
 */
@Component
@ConditionalOnProperty(name = "banyan.fuse.scheduler.enabled", havingValue = "true", matchIfMissing = true)
class LinkNewBatchesJob {

    private static final Logger log = LoggerFactory.getLogger(LinkNewBatchesJob.class);

    private final BaseLibraryService libraries;
    private final PlaceLibraryService places;
    private final DataSource dataSource;

    LinkNewBatchesJob(BaseLibraryService libraries, PlaceLibraryService places, DataSource dataSource) {
        this.libraries = libraries;
        this.places = places;
        this.dataSource = dataSource;
    }

    @Scheduled(fixedDelayString = "${banyan.fuse.link-interval:PT5M}", initialDelayString = "${banyan.fuse.link-interval:PT5M}")
    void linkNewBatches() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            boolean locked;
            try (ResultSet rs = s.executeQuery("select pg_try_advisory_lock(hashtext('banyan.fuse.link-job'))")) {
                rs.next();
                locked = rs.getBoolean(1);
            }
            if (!locked) {
                return;
            }
            try {
                boolean linked = false;
                for (EntityKind kind : EntityKind.values()) {
                    if (libraries.entityCount(kind) > 0 && libraries.stale(kind)) {
                        linked = true;
                        LinkRun run = libraries.linkNewBatches(kind);
                        log.info("{} library: {} new records linked ({}), {} entities", kind, run.newRecords(), run.mode(),
                                run.entities());
                    }
                }
                // the house and address libraries, keyed by unit number and address text, are rebuilt (same ids)
                if ((linked || places.stale()) && places.houseCount() + places.addressCount() > 0) {
                    PlaceLibraryService.PlaceRun run = places.rebuild();
                    log.info("House and address libraries: {} houses, {} addresses", run.houses(), run.addresses());
                }
            } finally {
                s.execute("select pg_advisory_unlock(hashtext('banyan.fuse.link-job'))");
            }
        } catch (Exception e) {
            log.warn("Linking new batches failed; the next run tries again", e);
        }
    }
}
