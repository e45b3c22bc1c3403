package dev.banyan.server.fuse.internal;

import dev.banyan.server.fuse.EntityKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stable entity ids (实体标识): a cluster keeps the id its records had before — the id most of its members carried,
 * the smallest on a tie — and a cluster with no earlier id gets one derived from its smallest record id (kind prefix
 * and 15 hex digits of its SHA-256). So a rerun keeps every id whose entity is still there, and a first build from
 * the same rows always gives the same ids.
 */
final class EntityIds {

    private EntityIds() {
    }

    static String derived(EntityKind kind, String smallestRecordId) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(smallestRecordId.getBytes(StandardCharsets.UTF_8));
            return kind.prefix() + HexFormat.of().withUpperCase().formatHex(h, 0, 8).substring(0, 15);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param clusters cluster id (its smallest record id) → members, in cluster-id order
     * @param previous record id → entity id of the earlier run
     * @return cluster id → entity id
     */
    static Map<String, String> assign(EntityKind kind, Map<String, List<String>> clusters, Map<String, String> previous) {
        Map<String, String> out = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (Map.Entry<String, List<String>> c : clusters.entrySet()) {
            Map<String, Integer> votes = new HashMap<>();
            for (String member : c.getValue()) {
                String e = previous.get(member);
                if (e != null) {
                    votes.merge(e, 1, Integer::sum);
                }
            }
            String chosen = votes.entrySet().stream()
                    .filter(e -> !taken.contains(e.getKey()))
                    .sorted((a, b) -> a.getValue().equals(b.getValue()) ? a.getKey().compareTo(b.getKey())
                            : b.getValue() - a.getValue())
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            if (chosen == null) {
                chosen = derived(kind, c.getKey());
                for (int n = 2; taken.contains(chosen); n++) {
                    chosen = derived(kind, c.getKey() + "#" + n);
                }
            }
            taken.add(chosen);
            out.put(c.getKey(), chosen);
        }
        return out;
    }
}
