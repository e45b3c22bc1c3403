package dev.banyan.linkage.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Clusters under constraints (约束聚类): a union-find over record indices where two clusters merge only if no
 * identifier field holds two different valid values across them (不同身份证号绝不合并) and no rejected review decision
 * separates a member of one from a member of the other. Each cluster knows its smallest record id, which names it.
 *
 * <p>Merging links one at a time in a fixed order (decisions, identifiers, then probabilistic links by falling
 * weight) makes the clusters resist chaining: a weak link that would join two people with different identity
 * numbers is refused however many other links point the same way.
 */
public final class ConstrainedClusters {

    private final PreparedRecords records;
    private int[] parent = new int[0];
    private int[] size = new int[0];
    private int[] smallest = new int[0];
    private String[][] identity;
    private final Map<Integer, IntList> rejected = new HashMap<>();
    private final Map<Integer, IntList> rejectingMembers = new HashMap<>();
    private int count;

    public ConstrainedClusters(PreparedRecords records) {
        this.records = records;
        this.identity = new String[records.identifierCount()][0];
    }

    /** Makes singleton clusters for records added to the store since the last call. */
    public void grow() {
        int n = records.size();
        if (n <= count) {
            return;
        }
        parent = Arrays.copyOf(parent, n);
        size = Arrays.copyOf(size, n);
        smallest = Arrays.copyOf(smallest, n);
        for (int k = 0; k < identity.length; k++) {
            identity[k] = Arrays.copyOf(identity[k], n);
        }
        for (int i = count; i < n; i++) {
            parent[i] = i;
            size[i] = 1;
            smallest[i] = i;
            for (int k = 0; k < identity.length; k++) {
                identity[k][i] = records.identifier(k, i);
            }
        }
        count = n;
    }

    /** Records that the two records must never share a cluster. */
    public void cannotLink(int a, int b) {
        rejected.computeIfAbsent(a, k -> new IntList()).add(b);
        rejected.computeIfAbsent(b, k -> new IntList()).add(a);
        rejectingMembers.computeIfAbsent(find(a), k -> new IntList()).add(a);
        rejectingMembers.computeIfAbsent(find(b), k -> new IntList()).add(b);
    }

    public int find(int i) {
        int root = i;
        while (parent[root] != root) {
            root = parent[root];
        }
        while (parent[i] != root) {
            int next = parent[i];
            parent[i] = root;
            i = next;
        }
        return root;
    }

    /** Whether the clusters of two records may merge (true if they already share one). */
    public boolean canMerge(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        if (ra == rb) {
            return true;
        }
        return !identityConflict(ra, rb) && !rejectedBetween(ra, rb);
    }

    /** Whether two records' clusters hold different valid identifiers. */
    public boolean identityConflict(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        for (String[] values : identity) {
            String x = values[ra];
            String y = values[rb];
            if (x != null && y != null && !x.equals(y)) {
                return true;
            }
        }
        return false;
    }

    private boolean rejectedBetween(int ra, int rb) {
        IntList la = rejectingMembers.get(ra);
        IntList lb = rejectingMembers.get(rb);
        if (la == null || lb == null) {
            return false;
        }
        IntList members = la.size() <= lb.size() ? la : lb;
        int other = members == la ? rb : ra;
        for (int i = 0; i < members.size(); i++) {
            IntList partners = rejected.get(members.get(i));
            for (int j = 0; j < partners.size(); j++) {
                if (find(partners.get(j)) == other) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Merges the clusters of two records if allowed; returns whether they now share a cluster. */
    public boolean merge(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        if (ra == rb) {
            return true;
        }
        if (identityConflict(ra, rb) || rejectedBetween(ra, rb)) {
            return false;
        }
        if (size[ra] < size[rb]) {
            int t = ra;
            ra = rb;
            rb = t;
        }
        parent[rb] = ra;
        size[ra] += size[rb];
        if (records.id(smallest[rb]).compareTo(records.id(smallest[ra])) < 0) {
            smallest[ra] = smallest[rb];
        }
        for (String[] values : identity) {
            if (values[ra] == null) {
                values[ra] = values[rb];
            }
        }
        IntList moved = rejectingMembers.remove(rb);
        if (moved != null) {
            IntList target = rejectingMembers.computeIfAbsent(ra, k -> new IntList());
            for (int i = 0; i < moved.size(); i++) {
                target.add(moved.get(i));
            }
        }
        return true;
    }

    /** The cluster id of a record: the smallest record id in its cluster. */
    public String clusterId(int i) {
        return records.id(smallest[find(i)]);
    }

    /** The number of records in a record's cluster. */
    public int clusterSize(int i) {
        return size[find(i)];
    }
}
