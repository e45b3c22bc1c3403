package dev.banyan.server.cli;

import dev.banyan.ledger.Checkpoint;
import dev.banyan.ledger.EntryBundle;
import dev.banyan.ledger.HttpTiledLog;
import dev.banyan.ledger.LogVerifier;
import dev.banyan.ledger.NoteVerifier;
import dev.banyan.ledger.ProofException;
import dev.banyan.ledger.SignedNote;
import dev.banyan.ledger.TiledTree;
import dev.banyan.ledger.TlogProof;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code banyan audit …}: checks a Banyan evidence log from the outside, using only its public tlog-tiles URLs —
 * no account, no database, no trust in the server beyond the verifier key.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Verify the evidence log, its checkpoints and receipts, from its public URLs.",
                "从公开地址验证存证日志、检查点和存证回执。"},
        subcommands = {AuditCommand.Verify.class, AuditCommand.Prove.class, AuditCommand.Check.class, CommandLine.HelpCommand.class})
final class AuditCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Where the log is and which keys to trust. */
    static final class LogOptions {

        @Option(names = "--url", required = true, description = "Banyan's base URL (e.g. http://localhost:8080) or the log's prefix ending in /audit-log")
        String url;

        @Option(names = "--key", description = "A verifier key to trust (name+keyid+base64); repeatable. "
                + "Without it the server's /audit-log/verifier-keys are trusted on first use.")
        List<String> keys = new ArrayList<>();

        URI prefix() {
            String u = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
            return URI.create(u.endsWith("/audit-log") ? u : u + "/audit-log");
        }

        List<NoteVerifier> verifiers(HttpTiledLog log) {
            List<String> trusted = keys;
            if (trusted.isEmpty()) {
                trusted = log.verifierKeys();
                System.err.println("! Trusting the keys the server serves (pass --key to pin them) / 信任服务器提供的公钥（可用 --key 固定）");
            }
            return trusted.stream().map(String::strip).filter(k -> !k.isEmpty()).map(NoteVerifier::parse).toList();
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true, description = {
            "Check the latest checkpoint's signatures, its consistency with an older one, and optionally every entry.",
            "校验最新检查点的签名、与旧检查点的一致性，并可重新计算每条记录。"})
    static final class Verify implements Callable<Integer> {

        @CommandLine.Mixin
        LogOptions log = new LogOptions();

        @Option(names = "--checkpoint", description = "A checkpoint kept from before (file); the log must extend it")
        Path older;

        @Option(names = "--entries", description = "Fetch and re-hash every entry")
        boolean entries;

        @Option(names = "--save", description = "Write the verified checkpoint to this file, for next time")
        Path save;

        @Override
        public Integer call() throws Exception {
            HttpTiledLog remote = new HttpTiledLog(log.prefix());
            String olderNote = older == null ? null : Files.readString(older, StandardCharsets.UTF_8);
            TerminalProgressBar bar = new TerminalProgressBar(System.err);
            String latestNote = remote.checkpoint();
            long size = Checkpoint.parse(SignedNote.parse(latestNote).text()).size();
            LogVerifier.Report report = new LogVerifier(remote, log.verifiers(remote))
                    .verify(olderNote, entries, done -> bar.update("re-hash entries / 重新计算记录", done, size));
            if (entries) {
                bar.finish();
            }
            if (report.checkpoint() != null) {
                System.out.printf("Log / 日志: %s, %,d entries 条记录%n", report.checkpoint().origin(), report.checkpoint().size());
            }
            for (String key : report.signedBy()) {
                System.out.println("✔ signature verified / 签名有效: " + key);
            }
            if (report.consistentFrom() >= 0) {
                System.out.printf("✔ consistent with the older checkpoint of %,d entries / 与旧检查点一致%n", report.consistentFrom());
            }
            if (entries && report.ok()) {
                System.out.printf("✔ %,d entries re-hashed to the signed root / 全部记录重新计算后与签名根一致%n", report.entriesChecked());
            }
            if (!report.ok()) {
                System.out.println("✘ " + report.problem());
                if (report.firstBadIndex() >= 0) {
                    System.out.println("✘ first bad entry / 第一条有问题的记录: " + report.firstBadIndex());
                }
                return 1;
            }
            if (save != null) {
                Files.writeString(save, latestNote, StandardCharsets.UTF_8);
                System.out.println("Checkpoint saved to / 检查点已保存到 " + save);
            }
            System.out.println("The log verifies / 日志校验通过");
            return 0;
        }
    }

    @Command(name = "prove", mixinStandardHelpOptions = true, description = {
            "Print a receipt (C2SP tlog-proof) for an entry, built from the public tiles.",
            "根据公开瓦片生成某条记录的存证回执（C2SP tlog-proof）。"})
    static final class Prove implements Callable<Integer> {

        @CommandLine.Mixin
        LogOptions log = new LogOptions();

        @Parameters(paramLabel = "ENTRY", description = "The entry's index")
        long index;

        @Override
        public Integer call() {
            HttpTiledLog remote = new HttpTiledLog(log.prefix());
            String note = remote.checkpoint();
            List<NoteVerifier> verifiers = log.verifiers(remote);
            SignedNote.parse(note).verify(verifiers);
            Checkpoint checkpoint = Checkpoint.parse(SignedNote.parse(note).text());
            if (index < 0 || index >= checkpoint.size()) {
                System.err.printf("No entry %d in the log's latest checkpoint of %,d entries / 最新检查点中没有该记录%n", index, checkpoint.size());
                return 2;
            }
            long tile = index / 256;
            int width = (int) Math.min(256, checkpoint.size() - tile * 256);
            byte[] entry = EntryBundle.decode(remote.entryBundle(tile, width)).get((int) (index % 256));
            List<byte[]> path = new TiledTree(remote::hashTile).inclusionProof(index, checkpoint.size());
            String receipt = new TlogProof(entry, index, path, note).format();
            // Check before printing: a receipt from a lying server must not look good.
            LogVerifier.verifyReceipt(receipt, verifiers);
            System.out.print(receipt);
            return 0;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true, description = {
            "Check a receipt offline against verifier keys.", "用公钥离线校验存证回执。"})
    static final class Check implements Callable<Integer> {

        @Parameters(paramLabel = "RECEIPT", description = "The receipt file (.tlog-proof)")
        Path receipt;

        @Option(names = "--key", required = true, description = "Verifier key to trust (name+keyid+base64); repeatable")
        List<String> keys;

        @Override
        public Integer call() throws Exception {
            String text = Files.readString(receipt, StandardCharsets.UTF_8);
            try {
                Checkpoint checkpoint = LogVerifier.verifyReceipt(text, keys.stream().map(NoteVerifier::parse).toList());
                TlogProof proof = TlogProof.parse(text);
                System.out.printf("✔ entry %d is in the signed log %s of %,d entries / 记录已包含在已签名日志中%n",
                        proof.index(), checkpoint.origin(), checkpoint.size());
                System.out.println(new String(proof.extra(), StandardCharsets.UTF_8));
                return 0;
            } catch (ProofException e) {
                System.out.println("✘ " + e.getMessage());
                return 1;
            }
        }
    }
}
