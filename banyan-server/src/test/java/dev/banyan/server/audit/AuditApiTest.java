package dev.banyan.server.audit;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.banyan.server.BanyanServerTest;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The evidence log's machine API: scope {@code audit.read}, JSON shapes, receipts, and problem details for bad input. */
@BanyanServerTest
class AuditApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    EvidenceLog log;

    private static RequestPostProcessor auditor() {
        return jwt().authorities(new SimpleGrantedAuthority("SCOPE_audit.read"));
    }

    @Test
    void readsEntriesProofsAndReceiptsWithTheAuditScope() throws Exception {
        String subject = "api:" + UUID.randomUUID();
        LoggedEntry e = log.append(Evidence.of("test.api", "client:reader", subject, Map.of("rows", 7)));
        log.publishCheckpoint();
        mvc.perform(get("/api/v1/audit/entries/{i}", e.index()).with(auditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.subject").value(subject))
                .andExpect(jsonPath("$.leafHash").value(Base64.getEncoder().encodeToString(e.leafHash())));
        mvc.perform(get("/api/v1/audit/entries").param("subject", subject).with(auditor()))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].index").value(e.index()));
        mvc.perform(get("/api/v1/audit/proofs/inclusion").param("leafHash", Base64.getEncoder().encodeToString(e.leafHash()))
                        .with(auditor()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.index").value(e.index()));
        mvc.perform(get("/api/v1/audit/proofs/consistency").param("old", "1").with(auditor()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.oldSize").value(1));
        mvc.perform(get("/api/v1/audit/entries/{i}/receipt", e.index()).with(auditor()))
                .andExpect(status().isOk()).andExpect(content().string(startsWith("c2sp.org/tlog-proof@v1\n")));
        mvc.perform(post("/api/v1/audit/checkpoints").with(auditor()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.note").value(containsString("\n\n— " + log.origin() + " ")));
    }

    @Test
    void refusesWithoutTheScopeAndExplainsBadInput() throws Exception {
        mvc.perform(get("/api/v1/audit/checkpoint")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/audit/checkpoint").with(jwt().authorities(new SimpleGrantedAuthority("SCOPE_catalog.read"))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/audit/entries/{i}", Long.MAX_VALUE - 1).with(auditor()).header("Accept-Language", "en"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value(containsString("has no entry")));
        mvc.perform(get("/api/v1/audit/proofs/inclusion").param("leafHash", "not-a-hash").with(auditor()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("leafHash"));
        mvc.perform(get("/api/v1/audit/proofs/consistency").param("old", "5").param("new", "2").with(auditor())
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("一致性证明")));
        mvc.perform(get("/api/v1/audit/proofs/inclusion").with(auditor()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("audit.error.indexOrLeafHash"));
    }
}
