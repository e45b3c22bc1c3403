package dev.banyan.server.audit;

import java.util.List;
import java.util.Optional;

/**
 * The evidence log (存证日志): an append-only RFC 6962 Merkle log with signed checkpoints, which every module
 * appends to and anyone can verify. Entries are never changed or removed; a checkpoint is published within a
 * second of new entries and on demand.
 *
 * <p>Two ways in. {@link #record} is for changes made in a database transaction: the evidence commits or rolls
 * back with the change and is sequenced into the log right after, even across a crash. {@link #append} is for
 * everything else: it returns once the entry is durably in the log.
 */
public interface EvidenceLog {

    /**
     * Records evidence of a change made in the current transaction; sequenced into the log after it commits.
     * Outside a transaction this is {@link #append}.
     */
    void record(Evidence evidence);

    /** Appends evidence and returns once it is durably in the log (group-committed with concurrent appends). */
    LoggedEntry append(Evidence evidence);

    /**
     * Waits until the evidence recorded in transactions that have committed is in the log, e.g. before signing a
     * checkpoint that should cover it.
     *
     * @return false if some is still waiting when the timeout ends
     */
    boolean awaitRecorded(java.time.Duration timeout) throws InterruptedException;

    /** Entries in the log now (not necessarily covered by a checkpoint yet). */
    long size();

    Optional<LoggedEntry> entry(long index);

    /** The index of the entry with this RFC 6962 leaf hash. */
    Optional<Long> indexOfLeafHash(byte[] leafHash);

    /** The latest signed checkpoint; publishes one if there is none yet. */
    SignedCheckpoint latestCheckpoint();

    /** Signs and publishes a checkpoint of the log as it is now, unless the latest one already covers it. */
    SignedCheckpoint publishCheckpoint();

    /** Newest first. */
    List<SignedCheckpoint> checkpoints(int limit);

    /** RFC 6962 inclusion proof of an entry in the tree of the given size, leaf sibling first. */
    List<byte[]> inclusionProof(long index, long treeSize);

    /** RFC 6962 consistency proof between two tree sizes. */
    List<byte[]> consistencyProof(long oldSize, long newSize);

    /**
     * A receipt for an entry (存证回执): the entry, its inclusion proof and the checkpoint it is proved against, in
     * the C2SP tlog-proof format. Publishes a checkpoint first if none covers the entry yet.
     */
    String receipt(long index);

    /** Newest first. */
    List<LoggedEntry> search(EntryQuery query);

    /** The payload that was digested into an entry, as canonical JSON, if kept. */
    Optional<String> payload(long index);

    /** The verifier keys of the log's signing keys ({@code name+keyid+base64}), Ed25519 first. */
    List<String> verifierKeys();

    /** The log's origin line, e.g. {@code banyan.local/audit-log}. */
    String origin();
}
