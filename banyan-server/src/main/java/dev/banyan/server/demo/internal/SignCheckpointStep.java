package dev.banyan.server.demo.internal;

import dev.banyan.server.audit.EvidenceLog;
import dev.banyan.server.audit.SignedCheckpoint;
import dev.banyan.server.demo.DemoProgress;
import dev.banyan.server.demo.DemoStep;

/**
 * The demo's last step: once the evidence of the earlier steps (departments' catalogs, reviews, demands) is
 * sequenced, sign a checkpoint, so that the log can be verified from the first minute.
 */
class SignCheckpointStep implements DemoStep {

    private final EvidenceLog log;

    SignCheckpointStep(EvidenceLog log) {
        this.log = log;
    }

    @Override
    public int order() {
        return 990;
    }

    @Override
    public String title() {
        return "Sign the evidence log's checkpoint / 签署存证日志检查点";
    }

    @Override
    public void run(DemoProgress progress) throws InterruptedException {
        log.awaitRecorded(java.time.Duration.ofSeconds(15));
        SignedCheckpoint checkpoint = log.publishCheckpoint();
        progress.report(String.format("%,d entries, signed with Ed25519 and SM2 / %,d 条记录，已用 Ed25519 与 SM2 签名",
                checkpoint.size(), checkpoint.size()));
    }
}
