package dev.banyan.server.ingest.internal;

import dev.banyan.server.catalog.Catalog;
import dev.banyan.server.catalog.Resource;
import dev.banyan.server.catalog.ResourceField;
import dev.banyan.server.catalog.ResourceStatus;
import dev.banyan.server.ingest.IngestBatch;
import dev.banyan.server.ingest.IngestResult;
import dev.banyan.server.ingest.Ingestion;
import dev.banyan.server.ingest.SourceSpec;
import dev.banyan.server.platform.InvalidInputException;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

/** {@link Ingestion} on top of the catalog and the plain {@link RawLoader}. */
class IngestionService implements Ingestion {

    private final Catalog catalog;
    private final RawLoader loader;

    IngestionService(Catalog catalog, RawLoader loader) {
        this.catalog = catalog;
        this.loader = loader;
    }

    @Override
    public IngestResult ingest(String resourceCode, SourceSpec spec, String requestedBy, LongConsumer progress) {
        return ingest(resourceCode, spec, null, requestedBy, progress);
    }

    /** As {@link #ingest(String, SourceSpec, String, LongConsumer)}, recording {@code sourceLabel} as the location. */
    IngestResult ingest(String resourceCode, SourceSpec spec, String sourceLabel, String requestedBy, LongConsumer progress) {
        Resource resource = catalog.getByCode(resourceCode);
        if (resource.status() == ResourceStatus.RETIRED) {
            throw new InvalidInputException("code", "ingest.error.retired", resourceCode);
        }
        if (resource.fields().isEmpty()) {
            throw new InvalidInputException("code", "ingest.error.noFields", resourceCode);
        }
        List<String> fields = resource.fields().stream().map(ResourceField::name).toList();
        return loader.load(resource.code(), fields, spec, sourceLabel, requestedBy,
                progress == null ? n -> { } : progress);
    }

    @Override
    public List<IngestBatch> batches(String resourceCode) {
        return loader.batches().ofResource(resourceCode);
    }

    @Override
    public Optional<IngestBatch> batch(long id) {
        return loader.batches().find(id);
    }
}
