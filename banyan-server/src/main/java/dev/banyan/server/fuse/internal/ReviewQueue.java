package dev.banyan.server.fuse.internal;

import dev.banyan.linkage.ReviewDecision;
import dev.banyan.server.audit.Evidence;
import dev.banyan.server.audit.EvidenceLog;
import dev.banyan.server.fuse.EntityKind;
import dev.banyan.server.fuse.ReviewPair;
import dev.banyan.server.platform.InvalidInputException;
import dev.banyan.server.platform.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The clerical review queue (人工复核队列): pairs in the clerical band, strongest first. Accepting a pair merges the
 * two entities at once (the smaller id stays); rejecting keeps them apart — should they be in one entity by then, the
 * library is rebuilt so that the cannot-link holds. Decisions persist, are recorded in the evidence log, and are
 * inputs to every later run, so no rerun undoes them.
 */
@Service
class ReviewQueue {

    private final FusionStore store;
    private final BaseLibraryService libraries;
    private final EvidenceLog evidence;
    private final TransactionTemplate transactions;

    ReviewQueue(FusionStore store, BaseLibraryService libraries, EvidenceLog evidence, TransactionTemplate transactions) {
        this.store = store;
        this.libraries = libraries;
        this.evidence = evidence;
        this.transactions = transactions;
    }

    List<ReviewPair> open(EntityKind kind, int offset, int limit) {
        return store.jdbc().sql("select * from fusion.review_pair where kind = ? and status = 'OPEN'"
                        + " order by probability desc, first_id, second_id offset ? limit ?")
                .params(kind.name(), offset, limit).query((rs, i) -> pair(rs)).list();
    }

    List<ReviewPair> decided(EntityKind kind, int limit) {
        return store.jdbc().sql("select * from fusion.review_pair where kind = ? and status <> 'OPEN'"
                        + " order by decided_at desc, first_id limit ?")
                .params(kind.name(), limit).query((rs, i) -> pair(rs)).list();
    }

    long openCount(EntityKind kind) {
        return store.count("select count(*) from fusion.review_pair where kind = ? and status = 'OPEN'", kind);
    }

    long decidedCount(EntityKind kind) {
        return store.count("select count(*) from fusion.review_pair where kind = ? and status <> 'OPEN'", kind);
    }

    Optional<ReviewPair> find(EntityKind kind, String first, String second) {
        return store.jdbc().sql("select * from fusion.review_pair where kind = ? and first_id = ? and second_id = ?")
                .params(kind.name(), first, second).query((rs, i) -> pair(rs)).optional();
    }

    /**
     * Records a data officer's decision on a pair and applies it.
     *
     * @throws NotFoundException     if there is no such pair
     * @throws InvalidInputException if it was decided already
     */
    ReviewPair decide(EntityKind kind, String first, String second, boolean accept, String by, String comment) {
        ReviewPair pair = find(kind, first, second).orElseThrow(() -> new NotFoundException("fuse.error.noPair", first + " · " + second));
        if (!pair.open()) {
            throw new InvalidInputException("decision", "fuse.error.decided");
        }
        String a = store.entityOf(kind, first).orElse(null);
        String b = store.entityOf(kind, second).orElse(null);
        boolean rebuild = transactions.execute(status -> {
            store.jdbc().sql("""
                    update fusion.review_pair set status = ?, decided_by = ?, decided_at = now(), comment = ?
                    where kind = ? and first_id = ? and second_id = ? and status = 'OPEN'""")
                    .params(accept ? "ACCEPTED" : "REJECTED", by, comment == null || comment.isBlank() ? null : comment.strip(),
                            kind.name(), first, second).update();
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("kind", kind.name());
            payload.put("first", first);
            payload.put("second", second);
            payload.put("decision", accept ? "same entity" : "different entities");
            payload.put("probability", pair.probability());
            if (comment != null && !comment.isBlank()) {
                payload.put("comment", comment.strip());
            }
            evidence.record(Evidence.of(accept ? "fuse.review.accepted" : "fuse.review.rejected", "user:" + by,
                    "pair:" + kind.slug() + "/" + first + "|" + second, payload));
            if (accept && a != null && b != null && !a.equals(b)) {
                String keeper = a.compareTo(b) < 0 ? a : b;
                String gone = keeper.equals(a) ? b : a;
                store.moveLinks(kind, gone, keeper, "REVIEW");
                store.deleteEntity(kind, gone);
                libraries.refreshGolden(kind, libraries.sources(kind), keeper);
                return false;
            }
            return !accept && a != null && a.equals(b);
        });
        ReviewDecision decision = new ReviewDecision(first, second, accept);
        if (rebuild) {
            libraries.rebuild(kind, n -> { });
        } else if (accept && a != null && b != null && !a.equals(b)) {
            String keeper = a.compareTo(b) < 0 ? a : b;
            libraries.applyDecision(kind, decision, keeper, keeper.equals(a) ? b : a);
        } else {
            libraries.applyDecision(kind, decision, null, null);
        }
        return find(kind, first, second).orElseThrow();
    }

    private static ReviewPair pair(ResultSet rs) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new ReviewPair(EntityKind.valueOf(rs.getString("kind")), rs.getString("first_id"), rs.getString("second_id"),
                rs.getDouble("probability"), rs.getString("explanation"), rs.getString("status"),
                rs.getString("decided_by"), decided == null ? null : decided.toInstant(), rs.getString("comment"));
    }
}
