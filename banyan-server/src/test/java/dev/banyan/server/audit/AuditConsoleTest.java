package dev.banyan.server.audit;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.banyan.ledger.TlogProof;
import dev.banyan.server.BanyanServerTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The auditor's console: search, entry page with payload check, receipt download and verification, whole-log check. */
@BanyanServerTest
class AuditConsoleTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    EvidenceLog log;

    @Test
    void anAuditorSearchesReadsDownloadsAndVerifiesAReceipt() throws Exception {
        String subject = "console:" + UUID.randomUUID();
        LoggedEntry e = log.append(Evidence.of("catalog.resource.published", "user:auditor-test", subject, Map.of("code", "X-1")));
        var auditor = user("auditor-test").roles("AUDITOR");

        mvc.perform(get("/console/audit").param("subject", subject).with(auditor).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("存证日志")))
                .andExpect(content().string(containsString("发布资源")))
                .andExpect(content().string(containsString(subject)));
        mvc.perform(get("/console/audit/entries/{i}", e.index()).with(auditor).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("payload matches the digest")))
                .andExpect(content().string(containsString("&quot;code&quot;:&quot;X-1&quot;")));
        String receipt = mvc.perform(get("/console/audit/entries/{i}/receipt", e.index()).with(auditor))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        mvc.perform(post("/console/audit/verify").param("receipt", receipt).with(auditor).with(csrf()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Valid: entry " + e.index())))
                .andExpect(content().string(containsString("is consistent with that checkpoint")));
        TlogProof genuine = TlogProof.parse(receipt);
        String forged = new TlogProof(new String(genuine.extra(), StandardCharsets.UTF_8).replace("auditor-test", "someone-else")
                .getBytes(StandardCharsets.UTF_8), genuine.index(), genuine.path(), genuine.checkpoint()).format();
        mvc.perform(post("/console/audit/verify").param("receipt", forged).with(auditor).with(csrf()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Invalid receipt")));
        mvc.perform(post("/console/audit/verify-log").with(auditor).with(csrf()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The log verifies")));
        mvc.perform(get("/console/audit/checkpoints").with(auditor)).andExpect(status().isOk());
    }

    @Test
    void onlyAuditorsAndTheAdministratorSeeTheLog() throws Exception {
        mvc.perform(get("/console/audit").with(user("liaison-x").roles("DATA_LIAISON"))).andExpect(status().isForbidden());
        mvc.perform(get("/console/audit").with(user("admin-x").roles("PLATFORM_ADMIN"))).andExpect(status().isOk());
    }
}
