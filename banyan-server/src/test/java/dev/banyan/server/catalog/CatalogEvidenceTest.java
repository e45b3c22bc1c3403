package dev.banyan.server.catalog;

import static dev.banyan.server.catalog.CatalogFixtures.ADMIN;
import static dev.banyan.server.catalog.CatalogFixtures.complete;
import static dev.banyan.server.catalog.CatalogFixtures.field;
import static org.assertj.core.api.Assertions.assertThat;

import dev.banyan.server.BanyanServerTest;
import dev.banyan.server.audit.EntryQuery;
import dev.banyan.server.audit.EvidenceLog;
import dev.banyan.server.audit.LoggedEntry;
import dev.banyan.server.catalog.CatalogFixtures.Dept;
import dev.banyan.server.identity.DepartmentDirectory;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every step of a resource's life is on the evidence log, by whom, with the field-level changes as its payload. */
@BanyanServerTest
class CatalogEvidenceTest {

    @Autowired
    Catalog catalog;

    @Autowired
    DepartmentDirectory directory;

    @Autowired
    EvidenceLog log;

    @Test
    void draftSubmitPublishAndRetireAreLoggedWithTheirActorsAndChanges() throws Exception {
        Dept d = CatalogFixtures.department(directory, "榕城市存证测试局");
        Resource r = catalog.draft(d.liaison(), complete(d, "001", "存证测试信息", "Evidence test records",
                List.of(field("公民身份号码", "DE0001"))));
        catalog.submit(d.cdo(), r.id());
        catalog.publish(ADMIN, r.id(), "齐全");
        catalog.retire(d.cdo(), r.id(), "停用");

        List<LoggedEntry> entries = await("resource:" + r.code(), 4);
        assertThat(entries).extracting(LoggedEntry::type).containsExactly("catalog.resource.retired",
                "catalog.resource.published", "catalog.resource.submitted", "catalog.resource.drafted");
        assertThat(entries).extracting(LoggedEntry::actor).containsExactly("user:" + d.cdo().name(), "user:test.admin",
                "user:" + d.cdo().name(), "user:" + d.liaison().name());
        LoggedEntry drafted = entries.getLast();
        String payload = log.payload(drafted.index()).orElseThrow();
        assertThat(payload).contains("\"action\":\"created\"", "\"path\":\"fields[公民身份号码].dataElement\"", "\"after\":\"DE0001\"");
        String digest = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload.getBytes("UTF-8")));
        assertThat(drafted.digest()).isEqualTo(digest);
    }

    private List<LoggedEntry> await(String subject, int count) throws InterruptedException {
        assertThat(log.awaitRecorded(Duration.ofSeconds(10))).as("evidence sequenced").isTrue();
        return log.search(new EntryQuery(null, null, subject, null, null, null, Math.max(count, 10)));
    }
}
