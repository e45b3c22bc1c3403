package dev.banyan.linkage;

import java.util.Objects;

/**
 * A data officer's decision on a pair (人工复核结论): accepted pairs are must-link, rejected pairs cannot-link. Decisions
 * are inputs to every run and always win over the model, so a rerun never undoes them. The only thing stronger is a
 * pair of different valid identity numbers, which no decision can put in one cluster.
 *
 * @param firstId  one record id
 * @param secondId the other record id
 * @param accepted true for the same entity (确认同一), false for different entities (确认不同)
 */
public record ReviewDecision(String firstId, String secondId, boolean accepted) {

    public ReviewDecision {
        Objects.requireNonNull(firstId, "firstId");
        Objects.requireNonNull(secondId, "secondId");
        if (firstId.equals(secondId)) {
            throw new IllegalArgumentException("a decision needs two different records: " + firstId);
        }
    }

    public static ReviewDecision accept(String a, String b) {
        return new ReviewDecision(a, b, true);
    }

    public static ReviewDecision reject(String a, String b) {
        return new ReviewDecision(a, b, false);
    }
}
